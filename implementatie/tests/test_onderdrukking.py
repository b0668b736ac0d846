"""Small-count suppression (issue #14): counts under 5 hidden, and not recoverable by
subtracting two figures that are shown."""

from implementatie import onderdrukking as o


def test_counts_from_one_to_four_are_hidden_and_zero_and_five_are_shown():
    assert [o.getal(n) for n in range(7)] == [0, None, None, None, None, 5, 6]


def test_a_single_hidden_cell_in_a_series_takes_the_smallest_other_cell_with_it():
    # Total 3 + 9 + 12 = 24 is shown; without the second hiding 24 - 9 - 12 = 3 leaks.
    uit = o.reeks({"jan": 3, "feb": 9, "mrt": 12})
    assert uit == {"jan": None, "feb": None, "mrt": 12}
    total = 3 + 9 + 12
    visible = sum(v for v in uit.values() if v is not None)
    assert total - visible == 12  # the two hidden cells together, not one of them


def test_a_series_with_two_hidden_cells_keeps_the_rest_and_zero_is_never_taken():
    assert o.reeks({"a": 2, "b": 1, "c": 8}) == {"a": None, "b": None, "c": 8}
    assert o.reeks({"a": 2, "b": 0, "c": 8}) == {"a": None, "b": 0, "c": None}


def test_a_part_is_hidden_when_the_rest_of_the_whole_would_be_small():
    assert o.deel(9, geheel=12) is None  # 12 - 9 = 3 would leak
    assert o.deel(7, geheel=12) == 7
    assert o.deel(3, geheel=12) is None
    assert o.deel(12, geheel=12) == 12


def test_hidden_cells_print_as_less_than_five():
    assert o.weergave(None) == "<5"
    assert o.weergave(1234) == "1234"
