"""The meldcode's content as data (issue #10): steps, questions and recording guidance from
seed 002 ch. 2, ch. 7 and ch. 9 par. 3, checked against counts and texts typed from the seed."""

import json
from pathlib import Path

DATA = json.loads((Path(__file__).parents[2] / "meldcode/data/meldcode.json").read_text())


def test_the_six_parts_of_the_route_with_their_actions_and_what_to_record():
    # Levensbedreigend, stap 0, 1, 2, 3 and 4-5 (002 ch. 2); "Leg vast" per step (002 ch. 7).
    assert [s["code"] for s in DATA["stappen"]] == ["acuut", "0", "1", "2", "3", "4-5"]
    assert [len(s["acties"]) for s in DATA["stappen"]] == [2, 2, 10, 6, 4, 8]
    assert [len(s["leg_vast"]) for s in DATA["stappen"]] == [0, 0, 1, 3, 5, 6]
    assert DATA["stappen"][2]["leg_vast"] == [
        "de feitelijke signalen waardoor het vermoeden van huiselijk geweld ontstaat"
    ]


def test_the_five_questions_are_the_seeds_words():
    assert [(v["nummer"], v["vraag"]) for v in DATA["vragen"]] == [
        (1, "Heb ik een vermoeden van / is er sprake van huiselijk geweld?"),
        (2, "Heb ik een vermoeden van / is er sprake van acuut en/of structurele onveiligheid?"),
        (3, "Ben ik in staat effectieve hulp te bieden of organiseren?"),
        (4, "Werken betrokkenen mee aan de geboden of georganiseerde hulp?"),
        (5, "Leidt deze hulp tot duurzame veiligheid?"),
    ]
    assert DATA["vragen"][4]["nee"] == "Meld (opnieuw) bij Veilig Thuis"


def test_forms_guidance_and_follow_up_events_are_complete():
    assert [v["code"] for v in DATA["vormen"]] == [
        "partnergeweld",
        "kindermishandeling",
        "ouderenmishandeling",
        "eergerelateerd",
        "meisjesbesnijdenis",
    ]
    assert len(DATA["als_zorgen_blijven"]) == 5
    assert len(DATA["vereisten_goede_hulp"]) == 6
    assert len(DATA["zorgvuldig_vastleggen"]) == 6
    assert DATA["niet_zo_maar_zo"][0] == {
        "niet_zo": "Afstandelijke vader",
        "maar_zo": "Vader zoekt tijdens het gesprek geen oogcontact of ander contact met zijn kind",
    }


def test_the_seeds_typo_is_corrected_and_the_correction_noted():
    text = json.dumps(DATA["stappen"], ensure_ascii=False)
    assert "eegerelateerd" not in text and "eergerelateerd geweld" in text
    assert any("eegerelateerd" in c for c in DATA["correcties"])
