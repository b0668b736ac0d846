"""The suppression of tables tied by sums (issue #14): a year's months and quarters, a series
with its total, a whole with its part, each also beside the wider scope (rule 3)."""

from implementatie import onderdrukking as o


def test_a_hidden_month_takes_a_second_month_with_it_and_the_quarter_stays_shown():
    # Q1 = 3 + 9 + 12 = 24: without the second hiding 24 - 9 - 12 = 3 leaks.
    tabel = o.kalender({1: 3, 2: 9, 3: 12})
    assert tabel[("maand", 1)] is None
    assert tabel[("maand", 2)] is None
    assert tabel[("maand", 3)] == 12
    assert tabel[("kwartaal", 1)] == 24
    assert tabel[o.JAAR] == 24


def test_a_hidden_quarter_takes_a_second_quarter_with_it():
    # Q1 = 3 (all in January) is hidden; the year 3 + 20 = 23 minus Q2 would show it.
    tabel = o.kalender({1: 3, 4: 20})
    assert tabel[("kwartaal", 1)] is None
    assert tabel[("kwartaal", 2)] is None
    assert tabel[o.JAAR] == 23
    # Q2 hidden makes April (its only non-zero month) the one visible part: hidden too.
    assert tabel[("maand", 4)] is None


def test_every_sum_has_zero_or_at_least_two_hidden_cells():
    per_maand = {1: 7, 2: 1, 3: 8, 5: 2, 6: 30, 7: 6, 9: 4, 11: 12}
    tabel = o.kalender(per_maand)
    for totaal, delen in o.KALENDER_SOMMEN:
        assert sum(1 for k in (totaal, *delen) if tabel[k] is None) != 1


def test_a_cell_beside_its_wider_scope_is_hidden_when_the_rest_is_small():
    # The region has 7 in April, the organisation 6: 7 - 6 = 1 would single out the rest.
    tabel = o.kalender({4: 6}, geheel={4: 7})
    assert tabel[("maand", 4)] is None
    assert tabel[("kwartaal", 2)] is None
    assert tabel[o.JAAR] is None


def test_cells_another_table_hid_stay_hidden_and_take_a_part_with_them():
    uit = o.tabel({"totaal": 9, "a": 9, "b": 0}, [("totaal", ["a", "b"])], verborgen=["totaal"])
    assert uit == {"totaal": None, "a": None, "b": 0}
