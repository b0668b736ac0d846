"""Issue #12: the plan printed "mentor..", "geweest., sinds" and "zijn.; Vanaf" where typed
text met the template's punctuation, and a quality hint cut "van dit veil" mid-word."""

import pytest

from plannen.tekst import kort, plak, samen, zonder_slotteken


@pytest.mark.parametrize(
    ("links", "tussen", "rechts", "verwacht"),
    [
        # the three lines of the issue
        ("Gesprek met de mentor.", ". ", "Gevolgen: rust", "Gesprek met de mentor. Gevolgen: rust"),
        ("Er is nooit hulp geweest.", ", sinds ", "2024", "Er is nooit hulp geweest, sinds 2024"),
        ("De kinderen zijn.", "; ", "Vanaf maandag", "De kinderen zijn; Vanaf maandag"),
        # plain text joins as it is
        ("Gesprek met de mentor", ". ", "Gevolgen", "Gesprek met de mentor. Gevolgen"),
        ("wat", ", sinds ", "mei", "wat, sinds mei"),
        # a question or an exclamation keeps its mark; the separator's goes
        ("Lukt het?", ". ", "Gevolgen", "Lukt het? Gevolgen"),
        ("Lukt het!", ", sinds ", "mei", "Lukt het! sinds mei"),
        ("en toen…", "; ", "verder", "en toen… verder"),
        ("en toen...", ". ", "verder", "en toen... verder"),
        # a colon or comma typed at the end gives way too, also with trailing spaces
        ("Moeder:", ": ", "slaapt slecht", "Moeder: slaapt slecht"),
        ("Moeder,  ", ", ", "vader", "Moeder, vader"),
        ("Moeder.;", "; ", "vader", "Moeder; vader"),
        # before a bracket the full stop goes, a question mark stays
        ("Bellen.", " (", "uiterlijk 3 mei)", "Bellen (uiterlijk 3 mei)"),
        ("Lukt het?", " (", "mei)", "Lukt het? (mei)"),
        # a literal quote is never changed
        ("“Ik ben moe.”", ", sinds ", "mei", "“Ik ben moe.”, sinds mei"),
        # other separators without punctuation are left alone
        ("Schuldhulp.", " — ", "Karim", "Schuldhulp. — Karim"),
        # empty sides drop the separator
        ("wat", ", sinds ", "", "wat"),
        ("wat.", ", sinds ", "  ", "wat."),
        ("", ": ", "wat", "wat"),
        # a text of only punctuation is kept rather than emptied
        (".", ", ", "wat", "., wat"),
    ],
)
def test_plak_never_doubles_punctuation(links, tussen, rechts, verwacht):
    assert plak(links, tussen, rechts) == verwacht


def test_samen_leaves_out_empty_parts_with_their_separator():
    assert samen("Het gaat goed.", (", sinds ", ""), (". Gevolgen: ", "rust.")) == (
        "Het gaat goed. Gevolgen: rust."
    )
    assert samen("", (": ", "wat")) == "wat"
    assert samen("Oma:", (": ", "Ze past op."), (", sinds ", "mei.")) == (
        "Oma: Ze past op, sinds mei."
    )


def test_zonder_slotteken():
    assert zonder_slotteken("Startoverleg.") == "Startoverleg"
    assert zonder_slotteken("Startoverleg") == "Startoverleg"
    assert zonder_slotteken("Wat nu?") == "Wat nu?"


def test_kort_cuts_on_a_word_boundary():
    doel = "Anna en Ben houden zich aan de veiligheidsafspraken van dit veiligheidsplan."
    assert kort(doel, 200) == doel
    assert kort(doel, 70) == "Anna en Ben houden zich aan de veiligheidsafspraken van dit…"
    for n in range(5, len(doel)):
        ingekort = kort(doel, n)
        assert len(ingekort) <= n
        assert ingekort.endswith("…")
        woorden = ingekort[:-1].split()
        # every word printed is a whole word of the text (no "veil")
        assert all(w in doel.split() or w.rstrip(".") in doel.split() for w in woorden), ingekort
    # one word longer than the limit must be cut somewhere
    assert kort("Verwijsindexrisicojongeren", 10) == "Verwijsin…"
    # line breaks and double spaces count as one space
    assert kort("een\n\ntwee  drie", 40) == "een twee drie"
