"""Each source–cue–content construction the engine promises, on small sentences of our own."""

import datetime

from articles.attribution import Attribution, Gazetteer, GazetteerEntry, RoleSpec, extract
from articles.attribution.engine import candidate_attributions


def only(text: str, **options) -> Attribution:
    found = extract(text, **options)
    assert len(found) == 1, [(text[a.start : a.end], a.speaker_mention) for a in found]
    return found[0]


def piece(text: str, span: tuple[int, int] | None) -> str | None:
    return text[span[0] : span[1]] if span else None


def test_source_cue_that_content() -> None:
    text = "The mayor said that the bridge will reopen in May."
    found = only(text)
    assert text[found.start : found.end] == "the bridge will reopen in May"
    assert piece(text, found.speaker_mention) == "The mayor"
    assert found.cue_lemma == "say"
    assert found.kind == "indirect"


def test_content_then_source_and_cue() -> None:
    text = "The bridge will reopen in May, the mayor told reporters."
    found = only(text)
    assert text[found.start : found.end] == "The bridge will reopen in May"
    assert piece(text, found.speaker_mention) == "the mayor"
    assert found.cue_lemma == "tell"


def test_inverted_cue_before_source() -> None:
    text = "“We are ready for the storm,” said Marta Olsen, the harbour master."
    found = only(text)
    assert text[found.start : found.end] == "We are ready for the storm,"[:-1]
    assert piece(text, found.speaker_mention).startswith("Marta Olsen")
    assert found.kind == "direct"


def test_quote_interrupted_by_its_cue_has_two_segments() -> None:
    text = '"We will," she said, "win the final."'
    found = only(text)
    assert [text[a:b] for a, b in found.segments] == ["We will", "win the final."]
    assert piece(text, found.speaker_mention) == "she"
    assert found.kind == "direct"


def test_according_to_before_and_after_the_content() -> None:
    first = "According to the ministry, prices rose by four percent."
    found = only(first)
    assert first[found.start : found.end] == "prices rose by four percent"
    assert piece(first, found.speaker_mention) == "the ministry"
    assert found.cue_lemma == "according to"
    second = "Prices rose by four percent, according to the ministry."
    found = only(second)
    assert second[found.start : found.end] == "Prices rose by four percent"
    assert piece(second, found.speaker_mention) == "the ministry"


def test_media_report_at_the_end() -> None:
    text = "Two ferries were cancelled on Monday, Radio Nord reported."
    found = only(text)
    assert piece(text, found.speaker_mention) == "Radio Nord"
    assert found.speaker.kind == "media"


def test_told_with_an_object_before_the_content() -> None:
    text = "Ahmed Karimi told the committee that the budget was too small."
    found = only(text)
    assert text[found.start : found.end] == "the budget was too small"
    assert piece(text, found.speaker_mention) == "Ahmed Karimi"


def test_colon_introduces_a_direct_quote() -> None:
    text = "The coach added: “Nobody expected this result.”"
    found = only(text)
    assert text[found.start : found.end] == "Nobody expected this result."
    assert found.kind == "direct"
    assert found.cue_lemma == "add"


def test_added_that_and_statement() -> None:
    text = "The company said in a statement that no jobs would be lost."
    found = only(text)
    assert text[found.start : found.end] == "no jobs would be lost"
    assert piece(text, found.speaker_mention) == "The company"
    assert found.speaker.kind == "organization"


def test_stance_verbs_are_cues() -> None:
    for verb, base in [("warned", "warn"), ("vowed", "vow"), ("claimed", "claim")]:
        text = f"The senator {verb} that the vote would be delayed."
        found = only(text)
        assert found.cue_lemma == base
        assert text[found.start : found.end] == "the vote would be delayed"


def test_partial_quote_in_single_marks_is_mixed_and_apostrophes_are_not_marks() -> None:
    text = "The minister said the country’s army ‘will not leave the region’."
    found = only(text)
    assert text[found.start : found.end] == "the country’s army ‘will not leave the region"
    assert found.kind == "mixed"


def test_pronoun_resolves_to_the_most_recent_person() -> None:
    text = (
        "Governor Lena Park said the roads are safe.\n\n"
        "She added that crews will work through the night."
    )
    first, second = extract(text)
    assert first.speaker.canonical_name == "Lena Park"
    assert piece(text, second.speaker_mention) == "She"
    assert second.speaker.canonical_name == "Lena Park"


def test_pronoun_skips_a_person_the_article_gives_the_other_gender() -> None:
    text = (
        "Mrs. Lena Park said the roads are safe. Mr. Tomas Berg said the bridge is closed.\n\n"
        "She added that crews will work through the night. He said the ferry still runs."
    )
    found = {piece(text, a.speaker_mention): a.speaker.canonical_name for a in extract(text)}
    assert found["She"] == "Lena Park"
    assert found["He"] == "Tomas Berg"


def test_an_honorific_surname_skips_a_relative_of_the_other_gender() -> None:
    text = (
        "Senator Ana Marsh said the bill would pass. Her husband, Leo Marsh, said it would not."
        "\n\nMr. Marsh said the votes were missing. Mrs. Marsh replied that they were found."
    )
    found = {piece(text, a.speaker_mention): a.speaker.canonical_name for a in extract(text)}
    assert found["Mr. Marsh"] == "Leo Marsh"
    assert found["Mrs. Marsh"] == "Ana Marsh"


def test_gendered_role_nouns_count_and_unknown_gender_stays_compatible() -> None:
    text = (
        "The council spokeswoman said the vote was delayed. "
        "Officer Kim Ode said the road was open.\n\n"
        "She added that a date would follow."
    )
    found = extract(text)
    assert piece(text, found[-1].speaker_mention) == "She"
    assert found[-1].speaker.canonical_name == "Kim Ode"  # the nearest person of unknown gender
    text = text.replace("Officer Kim Ode", "Mr. Kim Ode")
    found = extract(text)
    assert found[-1].speaker.canonical_name == "the council spokeswoman"


def test_surname_resolves_to_the_full_name_met_earlier() -> None:
    text = (
        "Economist Tomas Berg said rates would fall.\n\nBerg also said that inflation had peaked."
    )
    first, second = extract(text)
    assert second.speaker.canonical_name == "Tomas Berg"


def test_role_resolves_to_the_gazetteer_holder_on_the_article_date() -> None:
    gazetteer = Gazetteer(
        [
            GazetteerEntry(
                "Ines Duarte",
                roles=(
                    RoleSpec(
                        "spokeswoman",
                        "Port Authority",
                        ("PA",),
                        datetime.date(2020, 1, 1),
                        datetime.date(2021, 12, 31),
                    ),
                ),
            ),
            GazetteerEntry(
                "Rui Sousa",
                roles=(
                    RoleSpec("spokeswoman", "Port Authority", ("PA",), datetime.date(2022, 1, 1)),
                ),
            ),
        ]
    )
    text = "The PA spokeswoman said the terminal will close early."
    early = only(text, published=datetime.date(2021, 6, 1), gazetteer=gazetteer)
    late = only(text, published=datetime.date(2023, 6, 1), gazetteer=gazetteer)
    assert early.speaker.canonical_name == "Ines Duarte"
    assert late.speaker.canonical_name == "Rui Sousa"
    assert late.speaker.is_known


def test_role_resolves_to_the_person_introduced_with_that_role() -> None:
    text = (
        "The spokesman of the water board, Jan Visser, said the dikes held.\n\n"
        "The spokesman added that more rain is expected."
    )
    found = extract(text)
    assert found[-1].speaker.canonical_name == "Jan Visser"


def test_relayed_statement_names_the_medium() -> None:
    text = "The general said the troops would stay, the Daily Courier reported."
    found = extract(text)
    relayed = [a for a in found if a.relayed_by]
    assert relayed and relayed[0].relayed_by == "the Daily Courier"


def test_multi_paragraph_quote_keeps_one_piece_per_paragraph() -> None:
    text = (
        "The director said: “We planned for years.\n\n"
        "“And we will keep planning.”\n\n"
        "The museum opens on Friday."
    )
    found = extract(text)
    assert len(found) == 1
    assert [text[a:b] for a, b in found[0].segments] == [
        "We planned for years.",
        "And we will keep planning.",
    ]
    assert found[0].kind == "direct"


def test_an_unclosed_mark_costs_one_paragraph_not_the_article() -> None:
    text = (
        "“The talks failed, the envoy said.\n\n"
        "The envoy said the next round starts in June.\n\n"
        "“We remain hopeful,” the minister said."
    )
    found = extract(text)
    contents = [text[a.start : a.end] for a in found]
    assert "the next round starts in June" in contents
    assert "We remain hopeful" in contents


def test_a_stray_closing_mark_does_not_swallow_the_text() -> None:
    text = 'Voters are tired," the pollster said.\n\nThe party said it will campaign harder.'
    contents = [text[a.start : a.end] for a in extract(text)]
    assert "it will campaign harder" in contents


def test_adverbial_opener_comma_does_not_make_a_trailing_cue() -> None:
    text = "On the flight home, the senator said he would vote against the bill."
    found = only(text)
    assert text[found.start : found.end] == "he would vote against the bill"
    assert piece(text, found.speaker_mention) == "the senator"


def test_quotation_after_cue_and_comma_may_start_with_a_preposition() -> None:
    text = "The coach left early. He added, “In a final everything gets tense.”"
    found = only(text)
    assert text[found.start : found.end] == "In a final everything gets tense."
    assert piece(text, found.speaker_mention) == "He"


def test_opening_quotation_with_a_rare_cue_and_a_long_apposition() -> None:
    text = (
        "“Nobody reads the small print,” Dana Reyes, who ran the county office for a decade, "
        "charged in a letter about the new forms."
    )
    found = only(text)
    assert text[found.start : found.end] == "Nobody reads the small print"
    # The apposition is part of the mention, as annotators mark it; the speaker is the name.
    assert (
        piece(text, found.speaker_mention) == "Dana Reyes, who ran the county office for a decade"
    )
    assert found.speaker.canonical_name == "Dana Reyes"
    assert found.kind == "direct"


def test_weak_cue_word_inside_found_content_is_not_a_second_statement() -> None:
    text = "The minister said the plan would support farmers who want new machinery."
    found = only(text)
    assert text[found.start : found.end] == "the plan would support farmers who want new machinery"


def test_asked_question_has_no_named_source() -> None:
    text = "Asked at the hearing whether the plant would close, the director shook her head."
    found = extract(text)
    asked = [a for a in found if a.cue_lemma == "ask"]
    assert len(asked) == 1
    assert text[asked[0].start : asked[0].end] == "whether the plant would close"
    assert asked[0].speaker_mention is None


def test_introductory_clause_is_not_the_source() -> None:
    text = "While she was in the city on Monday, and praised the volunteers, she said little."
    for found in extract(text):
        assert piece(text, found.speaker_mention) not in ("While", "While she")


def test_dateline_is_not_the_source() -> None:
    text = (
        "HALIFAX, N.S. (Wire) - Mayor Ana Reyes toured the harbour on Tuesday, "
        "promising that the ferry would run again by spring."
    )
    for found in extract(text):
        assert piece(text, found.speaker_mention) != "HALIFAX"


def test_quoted_paragraph_after_a_quotation_continues_it() -> None:
    text = '"We are ready," the captain said.\n\n"The crew has trained for weeks."'
    found = only(text)
    assert len(found.segments) == 2
    assert piece(text, found.speaker_mention) == "the captain"


def test_inverted_source_with_a_long_apposition() -> None:
    text = (
        "Tariffs will not bring these jobs back, said Dana Whitcombe, a professor of "
        "economics at M.I.T., who has studied trade and its winners and losers for thirty years."
    )
    found = only(text)
    assert text[found.start : found.end] == "Tariffs will not bring these jobs back"
    assert (
        piece(text, found.speaker_mention) == "Dana Whitcombe, a professor of economics at M.I.T."
    )
    assert found.speaker.canonical_name == "Dana Whitcombe"
    assert found.cue_lemma == "say"


def test_cue_and_colon_after_an_opener_introduce_the_next_paragraph() -> None:
    text = (
        "In a speech last July, the governor said:\n\n"
        "Let no one be mistaken about this. The plan will fail."
    )
    found = only(text)
    assert text[found.start : found.end] == "Let no one be mistaken about this. The plan will fail."
    assert piece(text, found.speaker_mention) == "the governor"


def test_a_time_phrase_opening_the_sentence_is_not_the_source() -> None:
    text = "Eight years ago, he backed the mayor over her rival and said, “She has done nothing.”"
    quoted = [a for a in extract(text) if a.kind == "direct"]
    assert len(quoted) == 1
    assert piece(text, quoted[0].speaker_mention) == "he"


def test_a_pronoun_caught_with_other_words_resolves_as_the_pronoun() -> None:
    text = (
        "Mayor Ana Reyes said the budget is balanced.\n\n"
        "The plan, which she said would cost little, passed."
    )
    found = {piece(text, a.speaker_mention): a.speaker for a in extract(text)}
    # The mention is the pronoun alone, as annotators mark it; "which" is not the source.
    assert found["she"].canonical_name == "Ana Reyes"


def test_a_mention_that_names_nobody_gets_no_speaker() -> None:
    text = "Perhaps arguing that imitation is flattery, the aides smiled."
    found = {piece(text, a.speaker_mention): a.speaker for a in extract(text)}
    assert "Perhaps" in found
    assert found["Perhaps"] is None


def test_plural_and_document_sources() -> None:
    text = (
        "Environmentalists say the runoff will reach the river. "
        "The plant is safe, according to the report. Sanders said the plan would fail."
    )
    found = {piece(text, a.speaker_mention): a.speaker for a in extract(text)}
    assert found["Environmentalists"].kind == "group"
    assert found["the report"] is None  # a document: the curator names who published it
    assert found["Sanders"].kind == "person"


def test_a_question_or_exclamation_quoted_before_a_named_source() -> None:
    # With a comma the construction was found; after "?" or "!" and a capitalised source the
    # sentence splitter used to cut between the quotation and its cue.
    for text, mention in (
        ('"Why individuals?" Sanders asked. "It is easy to say."', "Sanders"),
        ("“Not fit!” Trump tweeted.", "Trump"),
    ):
        found = extract(text)[0]
        first = found.segments[0]
        assert text[first[0] : first[1]] in ("Why individuals?", "Not fit!")
        assert piece(text, found.speaker_mention) == mention
        assert found.kind == "direct"
    # A new sentence after the quotation is still one.
    text = '"Why individuals?" He left the room without an answer and never came back to it.'
    assert all(a.cue_lemma != "leave" for a in extract(text))


def test_an_age_after_an_inverted_source_is_not_content() -> None:
    text = '"I have a short commute," said Peter Hart, 25, a bank employee who lives downtown.'
    found = only(text)
    assert found.segments == [(1, text.index(',"'))]
    assert piece(text, found.speaker_mention) == "Peter Hart"
    assert found.kind == "direct"


def test_a_role_in_lowercase_before_the_name() -> None:
    for text in (
        '"We are ready for this," spokesman Stuart Roy said.',
        '"We are ready for this," said campaign manager Stuart Roy.',
    ):
        found = only(text)
        assert text[found.start : found.end] == "We are ready for this"
        assert piece(text, found.speaker_mention).endswith("Stuart Roy")
        assert found.speaker.canonical_name == "Stuart Roy"


def test_a_party_label_in_brackets_inside_the_source() -> None:
    text = "“They have nothing to worry about,” Sen. Chuck Schumer (D-N.Y.) said Tuesday."
    found = only(text)
    assert text[found.start : found.end] == "They have nothing to worry about"
    assert piece(text, found.speaker_mention) == "Sen. Chuck Schumer (D-N.Y.)"
    assert found.speaker.canonical_name == "Chuck Schumer"


def test_narration_after_a_closed_quotation_is_not_content() -> None:
    text = '"His legend will live on," Spencer said, as young fighters worked out in the gym.'
    found = only(text)
    assert found.kind == "direct"
    assert [text[a:b] for a, b in found.segments] == ["His legend will live on"]


def test_a_quotation_then_an_honorific_source_and_a_long_tail() -> None:
    text = (
        "“With your help, we are going to win this,” Mrs. Clinton told a crowd of 1,300 here "
        "on Tuesday after she took the stage to “Eye of the Tiger.”"
    )
    found = extract(text)[0]
    assert text[found.start : found.end] == "With your help, we are going to win this"
    assert piece(text, found.speaker_mention) == "Mrs. Clinton"


def test_a_rare_verb_inverted_before_a_source_that_ends_the_sentence() -> None:
    text = '"Gun owners should leave their weapons at home," opined the Plain Dealer.'
    found = only(text)
    assert found.cue_lemma == "opine"
    assert piece(text, found.speaker_mention) == "the Plain Dealer"


def test_a_clause_after_the_cue_is_not_an_inverted_source() -> None:
    text = (
        "Ramil Carr, 31, a freelance photographer, said the convention represented the "
        '"perfect opportunity" to call attention to poverty.'
    )
    found = only(text)
    # The mention takes the apposition, as annotators mark it; the speaker is the name.
    assert piece(text, found.speaker_mention) == "Ramil Carr, 31, a freelance photographer"
    assert found.speaker.canonical_name == "Ramil Carr"
    assert text[found.start : found.end].startswith("the convention represented")
    assert found.kind == "mixed"


def test_a_bare_plural_or_collective_source_after_the_content() -> None:
    for text, mention, kind in (
        ("Candidates will need backing by the party core, analysts say.", "analysts", "group"),
        ("A girl was pepper-sprayed by a bystander, police said.", "police", "organization"),
    ):
        found = only(text)
        assert text[found.start : found.end] == text[: text.index(f", {mention}")]
        assert piece(text, found.speaker_mention) == mention
        assert found.speaker.kind == kind


def test_a_time_phrase_before_the_source_is_not_content() -> None:
    assert all(
        a.start != 0 for a in extract("Last week, Trump endorsed Smith for the Senate seat.")
    )
    text = "A day earlier, six protesters were arrested, police said."
    assert text[only(text).start : only(text).end] == "A day earlier, six protesters were arrested"


def test_a_participle_after_a_comma_inside_a_closing_mark() -> None:
    text = "Kerpen needled the CNN “reporter,” saying, “A reporter who tweets on request!”"
    found = [a for a in extract(text) if a.cue_lemma == "say"]
    assert len(found) == 1
    assert piece(text, found[0].speaker_mention) == "Kerpen"
    assert found[0].kind == "direct"


def test_a_cue_inside_an_opening_clause_ends_at_its_comma() -> None:
    text = "While the mayor claimed that the bridge was safe, engineers warned that it could fall."
    first, second = extract(text)
    assert text[first.start : first.end] == "the bridge was safe"
    assert piece(text, first.speaker_mention) == "the mayor"
    assert text[second.start : second.end] == "it could fall"
    assert piece(text, second.speaker_mention) == "engineers"


def test_a_cue_inside_a_relative_clause_ends_at_its_comma() -> None:
    text = "Olsen, who has argued that the harbour is too small, won the vote on Monday."
    found = only(text)
    assert text[found.start : found.end] == "the harbour is too small"
    assert found.speaker.canonical_name == "Olsen"


def test_an_opening_participle_takes_the_main_clause_subject() -> None:
    text = "Despite criticizing the budget, Olsen said the city would sign it."
    first, second = extract(text)
    assert text[first.start : first.end] == "the budget"
    assert piece(text, first.speaker_mention) == "Olsen"
    assert text[second.start : second.end] == "the city would sign it"


def test_a_quotation_after_another_cue_is_not_taken_across_it() -> None:
    for text in (
        'The mayor talked on Tuesday about the harbour, Reed said: "I was impressed."',
        'Watching Olsen talk on Tuesday night about the party, Reed said: "I was impressed."',
    ):
        statements = extract(text)
        (found,) = [a for a in statements if a.cue_lemma == "say"]
        assert text[found.start : found.end] == "I was impressed."
        assert piece(text, found.speaker_mention) == "Reed"
        assert all(a.end <= text.index("Reed") for a in statements if a is not found)


def test_a_quotation_then_a_source_with_apposition_and_a_tell_object() -> None:
    text = '"The port is full," Marta Olsen, the harbour master, told the council on Monday.'
    found = only(text)
    assert text[found.start : found.end] == "The port is full"
    assert piece(text, found.speaker_mention) == "Marta Olsen, the harbour master"
    assert found.kind == "direct"


def test_a_source_with_an_age_and_a_relative_clause() -> None:
    text = "Tom Berg, 58, who lives outside Bergen, says he did not know much about the plan."
    found = only(text)
    assert text[found.start : found.end] == "he did not know much about the plan"
    assert piece(text, found.speaker_mention).startswith("Tom Berg")
    assert found.speaker.canonical_name == "Tom Berg"


def test_a_second_subject_after_and_ends_the_content() -> None:
    text = "The mayor said the bridge was safe and she accused the engineers of lying."
    first, second = extract(text)
    assert text[first.start : first.end] == "the bridge was safe"
    assert second.cue_lemma == "accuse"
    assert piece(text, second.speaker_mention) == "she"


def test_a_name_opening_the_sentence_owns_appositions_with_commas() -> None:
    text = (
        "Christopher Berg, the president of the harbour union, which endorsed Olsen in "
        "December, said that the port must grow."
    )
    found = only(text)
    assert text[found.start : found.end] == "the port must grow"
    assert piece(text, found.speaker_mention).startswith("Christopher Berg, the president")
    assert found.speaker.canonical_name == "Christopher Berg"


def test_a_passive_participle_opening_the_sentence_is_not_the_source() -> None:
    text = "Reached by the Courier, Berg denied the report, explaining that he was away."
    denied, explaining = extract(text)
    assert text[denied.start : denied.end] == "the report"
    assert piece(text, denied.speaker_mention) == "Berg"
    assert text[explaining.start : explaining.end] == "he was away"
    assert piece(text, explaining.speaker_mention) == "Berg"


def test_an_interview_with_a_medium_is_not_a_source() -> None:
    text = "In an interview with the Courier, Olsen continued to question the budget."
    for found in extract(text):
        assert piece(text, found.speaker_mention) == "Olsen"


def test_a_participle_after_a_comma_inside_a_quotation_mark_ends_the_content() -> None:
    text = 'Olsen said the budget was "reckless," noting that the port had lost money.'
    said, noting = extract(text)
    assert text[said.start : said.end] == 'the budget was "reckless'
    assert said.kind == "mixed"
    assert text[noting.start : noting.end] == "the port had lost money"


def test_a_long_relative_clause_holding_the_cue_ends_at_its_comma() -> None:
    text = (
        "Olsen, who grew up in Bergen and has long argued that the harbour is too small, "
        "won the vote on Monday."
    )
    found = only(text)
    assert text[found.start : found.end] == "the harbour is too small"
    assert found.speaker.canonical_name == "Olsen"


def test_a_quotation_opening_a_longer_clause_is_not_the_whole_content() -> None:
    text = 'The inspector concluded that "secret" papers were kept in the harbour office.'
    found = only(text)
    assert text[found.start : found.end] == 'secret" papers were kept in the harbour office'
    assert found.kind == "mixed"
    text = 'She said "we will win" and left the hall.'
    found = only(text)
    assert text[found.start : found.end] == "we will win"
    assert found.kind == "direct"


def test_a_curly_mark_facing_the_wrong_way_is_judged_by_its_place() -> None:
    text = "“Apparently not,“ he said. “A leopard does not change its spots.”"
    found = only(text)
    assert [text[a:b] for a, b in found.segments] == [
        "Apparently not",
        "A leopard does not change its spots.",
    ]
    assert found.kind == "direct"
    text = "Millis told the Courier that the aides kept staff ”away from the candidate.”"
    found = only(text)
    assert piece(text, found.speaker_mention) == "Millis"
    assert text[found.start : found.end].startswith("the aides kept staff")
    assert found.kind == "mixed"


def test_an_acronym_after_an_opening_phrase_is_a_name_not_a_dateline() -> None:
    text = (
        'Last week, FBI Director Tom Berg called the plan "careless," but said the bureau '
        "would back it."
    )
    called, said = extract(text)
    assert piece(text, called.speaker_mention) == "FBI Director Tom Berg"
    assert text[said.start : said.end] == "the bureau would back it"
    assert piece(text, said.speaker_mention) == "FBI Director Tom Berg"


def test_an_indefinite_source_inverted_after_a_quotation() -> None:
    text = "“The harbour will never be finished,” wrote one commenter."
    found = only(text)
    assert text[found.start : found.end] == "The harbour will never be finished"
    assert piece(text, found.speaker_mention) == "one commenter"


def test_a_determiner_that_after_the_clause_has_begun_is_no_complementiser() -> None:
    text = "Olsen said she was not going to jump to that conclusion."
    found = only(text)
    assert text[found.start : found.end] == "she was not going to jump to that conclusion"


def test_an_adverb_taken_for_the_cue_hands_over_to_its_verb() -> None:
    text = "Olsen, who has often complained about the harbour fees, lost the vote."
    found = only(text)
    assert text[found.cue[0] : found.cue[1]] == "complained about"
    assert text[found.start : found.end] == "the harbour fees"


def test_an_adverb_before_the_comma_is_not_content() -> None:
    text = "Not surprisingly, Senator Olsen supports the proposal."
    for found in extract(text):
        assert text[found.start : found.end] != "Not surprisingly"


def test_a_noun_phrase_subject_speaks_for_a_coordinated_cue() -> None:
    text = (
        "In late June, the harbour review board completed its study of the pier and deemed "
        'it "unsafe for crowds."'
    )
    deemed = extract(text)[-1]
    assert deemed.cue_lemma == "deem"
    assert piece(text, deemed.speaker_mention) == "the harbour review board"


def test_a_coordinated_cue_inside_a_subordinate_clause_takes_its_subject() -> None:
    text = (
        "While she says she will not vote for Olsen and calls him reckless, Berg praised his plan."
    )
    found = extract(text)
    calls = next(a for a in found if a.cue_lemma == "call")
    assert piece(text, calls.speaker_mention) == "she"
    # The clause before the comma is no content of "praised".
    assert not any(text[a.start : a.end].startswith("While") for a in found)


def test_a_time_phrase_between_an_apposition_and_the_cue() -> None:
    text = (
        "Olsen, who has been feuding with the council this week, on Friday described "
        "the plan as reckless."
    )
    found = only(text)
    assert piece(text, found.speaker_mention).startswith("Olsen")
    assert found.speaker.canonical_name == "Olsen"


def test_a_place_phrase_opening_the_sentence_is_not_the_source() -> None:
    text = (
        "Inside the conference hall, Olsen dismissed Berg as a weak leader, arguing that "
        "the harbour had lost money."
    )
    arguing = next(a for a in extract(text) if a.cue_lemma == "argue")
    assert piece(text, arguing.speaker_mention) == "Olsen"


def test_an_opening_phrase_alone_before_the_comma_is_not_content() -> None:
    text = "During the radio interview, Olsen also talked about the harbour fees."
    found = only(text)
    assert text[found.start : found.end] == "the harbour fees"
    assert piece(text, found.speaker_mention) == "Olsen"
    text = "Under the plan, taxes would rise, Olsen said."
    found = only(text)
    assert text[found.start : found.end] == "Under the plan, taxes would rise"


def test_a_place_abbreviation_can_end_a_sentence() -> None:
    text = (
        "Olsen proposed a ban on cruise ships entering the U.S. The proposal has drawn "
        "criticism from the harbour board, the paper reported."
    )
    reported = next(a for a in extract(text) if a.cue_lemma == "report")
    assert text[reported.start : reported.end] == (
        "The proposal has drawn criticism from the harbour board"
    )
    text = "She moved to the U.S. Senate in 2001, the paper reported."
    found = only(text)
    assert text[found.start : found.end] == "She moved to the U.S. Senate in 2001"


def test_a_short_clause_with_a_time_word_before_the_source_is_content() -> None:
    for text in (
        "It was a good day, she said.",
        "But this was the first time it was used for this, she said.",
        "This has been a concern for Democrats this year, Elleithee said.",
    ):
        found = only(text)
        assert text[: text.rindex(",")].endswith(text[found.start : found.end])
        assert found.end - found.start >= len("It was a good day")


def test_an_opening_time_phrase_alone_is_still_not_content() -> None:
    text = "Last week, Trump endorsed Smith."
    found = [(text[a.start : a.end], piece(text, a.speaker_mention)) for a in extract(text)]
    assert found == [("Smith", "Trump")]  # the endorsed name, not "Last week"


def test_an_opening_as_clause_names_the_source_of_the_main_clause() -> None:
    cases = (
        (
            "As The Washington Post reported, he would then need to win 55 percent.",
            "The Washington Post",
            "report",
        ),
        (
            "As reported by Western Journalism, Seattle raised its wage.",
            "Western Journalism",
            "report",
        ),
        ("As she pointed out, the race is far from over.", "she", "point"),
    )
    for text, source, cue_lemma in cases:
        statement = only(text)
        assert piece(text, statement.speaker_mention) == source
        assert statement.cue_lemma == cue_lemma
        assert text[statement.start : statement.end] == text[text.index(",") + 2 : -1]
    assert extract("As the race went on, Clinton won the state.") == []


def test_an_as_clause_after_an_opening_discourse_word_names_the_source() -> None:
    text = "However, as the Gazette has reported, the earlier cases involved forged receipts."
    statement = only(text)
    assert piece(text, statement.speaker_mention) == "the Gazette"
    assert statement.cue_lemma == "report"
    assert text[statement.start : statement.end] == "the earlier cases involved forged receipts"


def test_a_long_source_opening_according_to_runs_to_its_comma() -> None:
    text = (
        "According to early results of a survey conducted by the county clerk for the "
        "regional planning board, most residents want the ferry back."
    )
    statement = only(text)
    assert piece(text, statement.speaker_mention) == text[len("According to ") : text.index(",")]
    assert text[statement.start : statement.end] == "most residents want the ferry back"


def test_a_party_and_state_label_stays_with_the_lawmaker() -> None:
    text = "Sen. Rand Paul, R-Ky., told Fox News that polls could be way off."
    found = only(text)
    assert text[found.start : found.end] == "polls could be way off"
    assert piece(text, found.speaker_mention).startswith("Sen. Rand Paul")
    assert found.speaker.canonical_name == "Rand Paul"


def test_a_request_for_comment_anonymity_or_a_bare_statement_is_no_content() -> None:
    for text in (
        "The campaign did not respond to a request for comment.",
        "The network did not respond to repeated emails seeking comment on Friday.",
        "The DNC released a statement Wednesday evening.",
        "The campaign issued a statement.",
    ):
        assert extract(text) == [], text
    text = "Two officials, who requested anonymity to discuss the talks, said they failed."
    found = only(text)
    assert text[found.start : found.end] == "they failed"
    found = only("Smith said a statement would follow.")
    assert found.cue_lemma == "say"


def test_inverted_source_with_a_name_in_apposition_and_a_relative_clause() -> None:
    text = (
        "He also had a voice in decisions about investments in Ukraine, said a former "
        "spokesman for the Foreign Ministry, Oleg Voloshyn, who also ran as a candidate in the "
        "new bloc Mr. Manafort helped form."
    )
    found = only(text)
    assert text[found.start : found.end].startswith("He also had a voice")
    assert piece(text, found.speaker_mention) == "a former spokesman for the Foreign Ministry"


def test_a_relative_clause_after_an_inverted_source_makes_its_own_statement() -> None:
    text = (
        "But that is not good enough, said Howard Rubel, a senior analyst at Jefferies, who "
        "notes that United Technologies has done well."
    )
    found = {text[a.start : a.end]: piece(text, a.speaker_mention) for a in extract(text)}
    assert found["But that is not good enough"] == "Howard Rubel, a senior analyst at Jefferies"
    assert found["United Technologies has done well"] == "who"


def test_a_participle_after_an_inverted_source_and_its_apposition() -> None:
    text = "The plan will fail, said Smith, a lawyer at the firm, adding that it would cost more."
    found = {text[a.start : a.end]: piece(text, a.speaker_mention) for a in extract(text)}
    assert found == {
        "The plan will fail": "Smith, a lawyer at the firm",
        "it would cost more": "Smith",
    }


def test_a_title_case_headline_with_a_capitalised_verb() -> None:
    text = "Trump Says He Never Pledged To Kill Family Members Of Terrorists.\n\nThe story."
    found = extract(text)
    assert [(text[a.start : a.end], piece(text, a.speaker_mention)) for a in found] == [
        ("He Never Pledged To Kill Family Members Of Terrorists", "Trump")
    ]
    assert found[0].speaker.canonical_name == "Trump"
    assert found[0].cue_lemma == "say"


def test_a_headline_with_two_statements_and_one_that_is_no_statement() -> None:
    text = (
        "Clinton Says Russians Hacked DNC, Calls Trump’s Putin Remarks Troubling.\n\n"
        "If You’re Not Voting For Trump, You’re Voting For Hillary.\n\n"
        "Hillary Clinton Wins Missouri Democratic Primary."
    )
    found = [(text[a.start : a.end], piece(text, a.speaker_mention)) for a in extract(text)]
    assert found == [
        ("Russians Hacked DNC", "Clinton"),
        ("Trump’s Putin Remarks Troubling", "Clinton"),
    ]


def test_a_capitalised_verb_in_an_ordinary_sentence_is_still_a_name() -> None:
    text = "Officials met Says Ali, the envoy, at the airport on Monday morning."
    assert all(text[slice(*a.cue)] != "Says" for a in extract(text))


def test_content_resumes_after_a_parenthetical_according_to() -> None:
    text = "Fundraising, according to the campaign, has surged in the same period."
    found = only(text)
    assert [text[a:b] for a, b in found.segments] == [
        "Fundraising",
        "has surged in the same period",
    ]
    assert piece(text, found.speaker_mention) == "the campaign"
    text = "The plan failed, according to Smith, and nobody cared."
    assert [text[a:b] for a, b in only(text).segments] == ["The plan failed"]


def test_a_sentence_opening_with_the_cue_then_the_source_then_the_quotation() -> None:
    text = "Said Dorothy Poynter, who grew up with Ali, “We were all so proud of him.”"
    found = only(text)
    assert text[found.start : found.end] == "We were all so proud of him."
    assert piece(text, found.speaker_mention) == "Dorothy Poynter"
    assert found.speaker.canonical_name == "Dorothy Poynter"
    assert found.kind == "direct"


def test_an_infinitive_after_a_verb_of_intent_belongs_to_the_content() -> None:
    text = "The governor promised to veto the new toll on the harbour bridge."
    found = only(text)
    assert text[found.start : found.end] == "to veto the new toll on the harbour bridge"
    assert text[slice(*found.cue)] == "promised"
    assert piece(text, found.speaker_mention) == "The governor"


def test_a_participle_takes_its_preposition_into_the_cue() -> None:
    text = "“The chances are good,” he said, referring to the seats his party holds in the north."
    found = extract(text)
    assert [(text[slice(*a.cue)], text[a.start : a.end]) for a in found] == [
        ("said", "The chances are good,"[:-1]),
        ("referring to", "the seats his party holds in the north"),
    ]


def test_that_after_a_long_adverbial_opens_the_content() -> None:
    text = (
        "Cuomo said Thursday during a taping of a town hall meeting in Buffalo, New York, "
        "that the state was right to ban fracking."
    )
    found = only(text)
    assert text[found.start : found.end] == "the state was right to ban fracking"
    assert piece(text, found.speaker_mention) == "Cuomo"


def test_the_subject_of_a_raising_verb_is_content_and_no_speaker() -> None:
    text = "The ruling is widely expected to favour the port authority over the unions."
    found = only(text)
    assert [text[a:b] for a, b in found.segments] == [
        "The ruling",
        "to favour the port authority over the unions",
    ]
    assert found.speaker_mention is None
    assert found.speaker is None
    text = "Analysts expect the ruling to favour the port authority over the unions."
    assert piece(text, only(text).speaker_mention) == "Analysts"


def test_a_name_alone_is_content() -> None:
    text = "Three former governors of the state have endorsed Clinton."
    found = only(text)
    assert text[found.start : found.end] == "Clinton"
    assert piece(text, found.speaker_mention) == "Three former governors of the state"
    assert extract("Three former governors of the state have endorsed it.") == []


def test_a_passive_with_its_speaker_in_a_by_phrase() -> None:
    text = "The proposal was rejected by 64 percent of the voters in the referendum."
    found = only(text)
    assert text[found.start : found.end] == "The proposal"
    assert piece(text, found.speaker_mention) == "64 percent of the voters"
    text = "The staffing change was seen by some as a demotion for the manager."
    assert [text[a:b] for a, b in only(text).segments] == [
        "The staffing change",
        "as a demotion for the manager",
    ]
    text = "The mayor was criticized by the unions for failing to fund the port."
    found = only(text)
    assert [text[a:b] for a, b in found.segments] == [
        "The mayor",
        "for failing to fund the port",
    ]
    assert piece(text, found.speaker_mention) == "the unions"
    text = "Immigrant rights advocates were outraged by the raids."
    found = only(text)
    assert text[found.start : found.end] == "the raids"
    assert piece(text, found.speaker_mention) == "Immigrant rights advocates"


def test_a_time_phrase_after_a_final_cue_is_no_content() -> None:
    text = "Ailes also met with Mr. Trump that day, the Times reported a few days later."
    found = only(text)
    assert text[found.start : found.end] == "Ailes also met with Mr. Trump that day"
    assert piece(text, found.speaker_mention) == "the Times"
    text = "Ailes met Mr. Trump, the Times reported a few reasons for the meeting."
    assert text[only(text).start : only(text).end] == "a few reasons for the meeting"


def test_an_opening_question_is_no_part_of_the_answer() -> None:
    text = "Asked if the comments had rattled them as well, Ryan said, “Sure. I get that, too.”"
    found = [
        (text[a.start : a.end], piece(text, a.speaker_mention), a.cue_lemma) for a in extract(text)
    ]
    assert found == [
        ("if the comments had rattled them as well", None, "ask"),
        ("Sure. I get that, too.", "Ryan", "say"),
    ]
    text = "Asked about the plan, she said it would fail."
    assert [text[a.start : a.end] for a in extract(text)] == ["the plan", "it would fail"]


def test_a_question_closing_the_sentence_is_a_statement_without_a_source() -> None:
    text = "“We’ll see,” Sanders said when asked whether he would raise money for others."
    found = extract(text)
    assert [(text[a.start : a.end], piece(text, a.speaker_mention)) for a in found] == [
        ("We’ll see", "Sanders"),
        ("whether he would raise money for others", None),
    ]
    assert text[slice(*found[1].cue)] == "asked"


def test_an_adverb_of_order_before_a_cue_is_no_cue() -> None:
    text = "The governor’s veto was first reported by the Harbour Gazette."
    found = only(text)
    assert text[found.start : found.end] == "The governor’s veto"
    assert piece(text, found.speaker_mention) == "the Harbour Gazette"
    assert found.cue_lemma == "report"
    # Not even a candidate for the frame filter to reject: "first" is no cue of its own.
    cues = [text[slice(*a.cue)] for a, _features in candidate_attributions(text)]
    assert cues == ["was first reported by"]
    assert extract("She won the first debate in the spring by a wide margin.") == []


def test_a_new_subject_after_comma_and_ends_the_content() -> None:
    text = (
        "He said he would seek a seat on the board next week, and other party leaders "
        "said he was an example to them."
    )
    found = [(text[a.start : a.end], piece(text, a.speaker_mention)) for a in extract(text)]
    assert found == [
        ("he would seek a seat on the board next week", "He"),
        ("he was an example to them", "other party leaders"),
    ]


def test_a_pronoun_after_a_time_word_opens_the_content() -> None:
    text = "The mayor said Wednesday she, too, wants an inquiry into the port contract."
    found = only(text)
    assert text[found.start : found.end] == "she, too, wants an inquiry into the port contract"
    assert piece(text, found.speaker_mention) == "The mayor"
    text = "He explained after the vote in Ohio, he would need most of the delegates."
    found = only(text)
    assert text[found.start : found.end] == "he would need most of the delegates"


def test_an_inverted_source_may_join_two_titles_with_and() -> None:
    text = (
        '"The harbour will reopen," said former Bergen Mayor and Harbour Board Chairman '
        "Marta Olsen."
    )
    found = only(text)
    assert piece(text, found.speaker_mention) == (
        "former Bergen Mayor and Harbour Board Chairman Marta Olsen"
    )
    assert found.speaker.canonical_name == "Marta Olsen"
    assert found.speaker.kind == "person"


def test_a_title_before_a_name_makes_a_person_whatever_the_service() -> None:
    text = '"We will hold the line," said retired Army Lt. Gen. Marta Olsen.'
    found = only(text)
    assert found.speaker.canonical_name == "Marta Olsen"
    assert found.speaker.kind == "person"


def test_an_agency_dateline_is_not_the_subject() -> None:
    text = "Oslo (AFP) – Mayor Marta Olsen praised the plan, saying that it will save the harbour."
    found = extract(text)
    assert [piece(text, a.speaker_mention) for a in found] == ["Mayor Marta Olsen"] * 2
    assert text[found[1].start : found[1].end] == "it will save the harbour"


def test_a_time_phrase_without_a_comma_is_not_the_subject() -> None:
    text = "A few minutes later they changed course and said the vote would go ahead."
    found = only(text)
    assert piece(text, found.speaker_mention) == "they"
    assert text[found.start : found.end] == "the vote would go ahead"


def test_back_then_opens_an_introductory_phrase() -> None:
    text = (
        "Back in 2010, the mayor praised the ferry service, telling reporters: "
        '"It is the best ferry in Norway."'
    )
    found = extract(text)
    assert [piece(text, a.speaker_mention) for a in found] == ["the mayor", "the mayor"]


def test_the_latest_before_a_colon_is_a_heading_not_a_speaker() -> None:
    text = "The Latest: Flooding closes the harbour road in Bergen."
    assert all(piece(text, a.speaker_mention) != "The Latest" for a in extract(text))


def test_any_past_tense_verb_after_a_quotation_and_its_source_is_the_cue() -> None:
    text = "“Go back to your boat,” the harbour master barked and walked away."
    found = only(text)
    assert text[found.start : found.end] == "Go back to your boat"
    assert piece(text, found.speaker_mention) == "the harbour master"
    assert piece(text, found.cue) == "barked"
    inverted = '"Nice try," snapped the mayor.'
    found = only(inverted)
    assert piece(inverted, found.speaker_mention) == "the mayor"
    assert found.kind == "direct"


def test_a_content_ends_before_the_source_of_a_coordinated_statement() -> None:
    text = (
        'The mayor accuses the council of "wasting the harbour" and the council says she is '
        '"playing politics."'
    )
    found = extract(text)
    assert [text[a.start : a.end] for a in found] == [
        'the council of "wasting the harbour',
        'she is "playing politics',
    ]
    assert [piece(text, a.speaker_mention) for a in found] == ["The mayor", "the council"]
    nested = "The paper reported that the minister had told aides that the plan would fail."
    outer = extract(nested)[0]
    assert nested[outer.start : outer.end] == (
        "the minister had told aides that the plan would fail"
    )


def test_a_quotation_between_paired_dashes_ends_the_content_before_it() -> None:
    text = (
        "The mayor suggested that the plan was unserious - "
        '"we need the details," she said - and left.'
    )
    first = extract(text)[0]
    assert text[first.start : first.end] == "the plan was unserious"
    aside = "The mayor said the plan - a modest one - would pass in May."
    found = only(aside)
    assert aside[found.start : found.end] == "the plan - a modest one - would pass in May"


def test_content_opening_with_a_quotation_runs_on_into_the_next_quotation() -> None:
    text = "The mayor said that “harbour people” “work harder than anyone in this city.”"
    found = only(text)
    assert text[found.start : found.end] == "harbour people” “work harder than anyone in this city"
    assert found.kind == "direct"


def test_a_quotation_after_in_response_or_in_a_statement_is_the_content() -> None:
    text = 'The mayor tweeted in response: "The harbour stays open, whatever the council says."'
    found = only(text)
    assert text[found.start : found.end] == "The harbour stays open, whatever the council says."
    assert piece(text, found.cue) == "tweeted"
    assert found.kind == "direct"


def test_and_then_a_second_cue_after_a_quotation_is_the_same_sources_next_statement() -> None:
    text = (
        '"The ferry will run," the mayor said at a news conference, and then predicted: '
        '"Tourists will come back."'
    )
    found = extract(text)
    assert [text[a.start : a.end] for a in found] == [
        "The ferry will run",
        "Tourists will come back.",
    ]
    assert [piece(text, a.speaker_mention) for a in found] == ["the mayor", "the mayor"]


def test_according_to_inside_a_that_clause_leaves_the_reporting_clause_out() -> None:
    text = "The paper reported that, according to the harbour's records, the ferry ran late."
    according = next(a for a in extract(text) if a.cue_lemma == "according to")
    assert [text[a:b] for a, b in according.segments] == ["the ferry ran late"]
    assert piece(text, according.speaker_mention) == "the harbour's records"


def test_a_noun_cue_after_a_possessive_takes_its_preposition() -> None:
    text = "Her support for the ferry plan is well known."
    found = only(text)
    assert piece(text, found.cue) == "support for"
    assert piece(text, found.speaker_mention) == "Her"
    assert text[found.start : found.end].startswith("the ferry plan")


def test_a_quotation_after_a_colon_is_the_content_of_the_cue_after_it() -> None:
    text = (
        'A second source agreed, with a caveat: "The mayor is not the only one," the source said.'
    )
    said = next(a for a in extract(text) if a.cue_lemma == "say")
    assert text[said.start : said.end] == "The mayor is not the only one"
    assert piece(text, said.speaker_mention) == "the source"


def test_an_adverb_between_a_cue_and_its_preposition_belongs_to_the_cue() -> None:
    text = "The mayor complained bitterly about the ferry schedule."
    found = only(text)
    assert piece(text, found.cue) == "complained bitterly about"
    assert text[found.start : found.end] == "the ferry schedule"


def test_and_a_named_source_with_its_own_statement_verb_ends_the_content() -> None:
    text = "The mayor said the ferry would run and Senator Marta Olsen said it would not."
    found = extract(text)
    assert [text[a.start : a.end] for a in found] == ["the ferry would run", "it would not"]
    shared = "The poll shows Trump and Clinton agreed on little."
    assert shared[only(shared).start : only(shared).end] == "Trump and Clinton agreed on little"


def test_a_sign_or_a_statement_that_reads_inverts_like_said() -> None:
    text = "“Save the ferry,” read one sign."
    found = only(text)
    assert piece(text, found.speaker_mention) == "one sign"
    assert found.cue_lemma == "read"


def test_page_labels_before_a_colon_are_no_speakers() -> None:
    for text in (
        "Contributing: Marta Olsen and Per Berg, Bergen Daily.",
        "Revealed: What The Harbour Plan Really Costs The City.",
        "Remember: the ferry strike cost the city a fortune.",
    ):
        assert all(a.cue_lemma != ":" for a in extract(text)), text


def test_according_to_a_source_with_initials_keeps_the_whole_source() -> None:
    text = "The county has grown by a third, according to the U.S. Census Bureau."
    found = only(text)
    assert piece(text, found.speaker_mention) == "the U.S. Census Bureau"
    assert text[found.start : found.end] == "The county has grown by a third"


def test_a_reporting_clause_before_according_to_is_never_its_content() -> None:
    text = (
        "The paper reported that, according to her calendar and contact lists, the mayor "
        "met donors twice."
    )
    assert all(
        not text[a.start : a.end].startswith("The paper")
        for a in extract(text)
        if a.cue_lemma == "according to"
    )


def test_a_clause_before_an_inverted_source_is_content_not_a_subject() -> None:
    text = (
        "The harbour has lost half its ferries, and it has used up its reserves, said Marta "
        "Olsen, an economist at the university."
    )
    found = only(text)
    assert piece(text, found.speaker_mention) == "Marta Olsen, an economist at the university"
    assert text[found.start : found.end].startswith("The harbour has lost half its ferries")
    apposition = "Per Berg, a councillor who has opposed the plan, said the ferry will run."
    found = next(a for a in extract(apposition) if a.cue_lemma == "say")
    assert piece(apposition, found.speaker_mention).startswith("Per Berg")
    assert apposition[found.start : found.end] == "the ferry will run"


def test_a_quoted_name_in_the_apposition_does_not_end_the_source() -> None:
    text = (
        "“We have had better days,” Mayor Marta Olsen, wearing a “Save the Ferry” "
        "badge, said as the boats came in."
    )
    found = only(text)
    assert text[found.start : found.end] == "We have had better days"
    assert piece(text, found.speaker_mention) == "Mayor Marta Olsen"


def test_a_told_object_and_a_time_after_a_final_cue_are_no_clause() -> None:
    text = "The union will sit out the election, Per Berg told NRK earlier this week."
    found = only(text)
    assert text[found.start : found.end] == "The union will sit out the election"
    assert piece(text, found.speaker_mention) == "Per Berg"


def test_a_comment_after_a_dash_does_not_stop_a_final_cue_clause() -> None:
    text = (
        "The ferry costs too much, former Mayor Marta Olsen said this week at a meeting in "
        "Bergen — a change of course that surprised many in the council and the port."
    )
    found = only(text)
    assert text[found.start : found.end] == "The ferry costs too much"
    assert piece(text, found.speaker_mention) == "former Mayor Marta Olsen"


def test_a_told_object_with_a_determiner_after_a_final_cue_is_no_clause() -> None:
    text = "The ferry was never at risk, the mayor told the council in her report."
    found = only(text)
    assert text[found.start : found.end] == "The ferry was never at risk"
    assert piece(text, found.speaker_mention) == "the mayor"


def test_the_object_noun_phrase_of_told_is_no_part_of_the_content() -> None:
    text = "The mayor told the packed hall that the ferry would run."
    assert text[only(text).start : only(text).end] == "the ferry would run"
    text = "The mayor told her closest aides she would not run again."
    assert text[only(text).start : only(text).end] == "she would not run again"


def test_a_quotation_running_over_paragraphs_without_a_cue_is_one_statement() -> None:
    text = (
        "The mayor listed her questions for the council in a letter.\n\n"
        '"Has the ferry company met its promises to the city?\n\n'
        '"Is the harbour ready for the winter storms that are coming?\n\n'
        '"Who will pay for the new quay if the state does not?"'
    )
    continued = [a for a in extract(text) if a.cue is None]
    assert len(continued) == 1
    assert [text[a:b] for a, b in continued[0].segments] == [
        "Has the ferry company met its promises to the city?",
        "Is the harbour ready for the winter storms that are coming?",
        "Who will pay for the new quay if the state does not?",
    ]


def test_a_quotation_resumed_after_the_sources_apposition_is_more_content() -> None:
    text = (
        '"The risk," said Marta Olsen, an economist who studies the harbour, "is that the '
        'ferries stop running."'
    )
    found = only(text)
    assert [text[a:b] for a, b in found.segments] == [
        "The risk",
        "is that the ferries stop running.",
    ]
    assert piece(text, found.speaker_mention) == "Marta Olsen"


def test_a_relative_clause_inside_the_subject_of_the_content_does_not_end_it() -> None:
    text = "The mayor argued the ferry company, which has lost money for years, is in trouble."
    found = only(text)
    assert text[found.start : found.end] == (
        "the ferry company, which has lost money for years, is in trouble"
    )
    text = "The mayor said she met Per Berg, who runs the ferry, and left."
    assert text[only(text).start : only(text).end] == "she met Per Berg"


def test_a_participle_after_a_final_cue_clause_keeps_the_same_source() -> None:
    text = (
        '"She is a disgrace," Olsen said at a campaign rally in San Diego, adding that she '
        'believed the mayor was "reckless."'
    )
    found = extract(text)
    assert [piece(text, a.speaker_mention) for a in found] == ["Olsen", "Olsen"]


def test_and_then_a_time_before_a_second_verb_leaves_the_sentence_subject_as_source() -> None:
    text = "Olsen freed up funds for the harbour and on Monday announced the ferry would run."
    announced = next(a for a in extract(text) if a.cue_lemma == "announce")
    assert piece(text, announced.speaker_mention) == "Olsen"


def test_here_in_a_place_opens_an_introductory_phrase() -> None:
    text = 'Here in Bergen, Olsen stepped up her campaign, saying, "The ferry must run."'
    saying = next(a for a in extract(text) if piece(text, a.cue) == "saying")
    assert piece(text, saying.speaker_mention) == "Olsen"


def test_a_passive_without_an_agent_has_its_subject_as_content_and_no_source() -> None:
    text = "Syed Farook’s name was announced on a publicly available police scanner."
    found = only(text)
    assert text[found.start : found.end] == "Syed Farook’s name"
    assert piece(text, found.cue) == "was announced"
    assert found.speaker_mention is None
    assert found.speaker is None


def test_a_passive_with_an_object_or_a_clause_after_it_keeps_its_other_reading() -> None:
    text = "Clinton was accused of lying about the emails."
    found = only(text)
    assert text[found.start : found.end] == "lying about the emails"
    text = "It was announced on Monday that the plant would close."
    found = only(text)
    assert text[found.start : found.end] == "the plant would close"
    text = "The decision was announced by the mayor on Monday."
    found = only(text)
    assert text[found.start : found.end] == "The decision"
    assert piece(text, found.speaker_mention) == "the mayor"


def test_and_before_a_cue_in_the_statements_own_form_ends_its_content() -> None:
    text = "The senator pointed to the new figures and dismissed criticism from her rivals."
    first, second = extract(text)
    assert text[first.start : first.end] == "the new figures"
    assert text[second.start : second.end] == "criticism from her rivals"
    assert piece(text, second.speaker_mention) == "The senator"


def test_a_negated_auxiliary_is_no_part_of_the_source() -> None:
    text = "The Republican nominee and his aides haven't said much about the debate."
    (found,) = [a for a in extract(text) if a.cue_lemma == "say"]
    assert piece(text, found.speaker_mention) == "his aides"
    text = "The campaign’s lawyers didn’t say whether the filing was late."
    (found,) = [a for a in extract(text) if a.cue_lemma == "say"]
    assert piece(text, found.speaker_mention) == "The campaign’s lawyers"


def test_a_source_takes_its_apposition_and_bracket_as_annotators_mark_them() -> None:
    text = "Paul H. Chipok, a lawyer in Orlando, said the law was clear."
    found = only(text)
    assert piece(text, found.speaker_mention) == "Paul H. Chipok, a lawyer in Orlando"
    assert found.speaker.canonical_name == "Paul H. Chipok"
    text = "The bureau's director, James B. Comey, said the case was closed."
    found = only(text)
    assert piece(text, found.speaker_mention) == "The bureau's director, James B. Comey"
    text = '"It is over," said Evan Tracey, a consultant with National Media in Alexandria, Va.'
    found = only(text)
    # The sentence's full stop is no part of it.
    assert piece(text, found.speaker_mention) == (
        "Evan Tracey, a consultant with National Media in Alexandria, Va"
    )
    assert found.speaker.canonical_name == "Evan Tracey"


def test_what_follows_a_source_is_no_apposition_when_it_is_content_an_aside_or_a_verb() -> None:
    text = "According to the World Bank, about 12 percent of emissions are priced."
    found = only(text)
    assert piece(text, found.speaker_mention) == "the World Bank"
    text = "Murphy, though, said the bill would pass."
    found = only(text)
    assert piece(text, found.speaker_mention) == "Murphy"
    text = 'Grant, his son, defended him on Facebook, saying: "He is not a bigot."'
    mentions = {found.cue_lemma: piece(text, found.speaker_mention) for found in extract(text)}
    assert mentions["say"] == "Grant, his son"


def test_a_preposition_or_focus_word_the_walk_took_is_no_part_of_the_source() -> None:
    text = "The plan was popular, with many saying it would pass."
    found = only(text)
    assert piece(text, found.speaker_mention) == "many"


def test_a_noun_cues_article_is_no_source() -> None:
    text = "The hope has been that employers would respond by finding ways to cut costs."
    found = only(text)
    assert text[found.start : found.end].startswith("employers would respond")
    assert found.speaker_mention is None
    assert found.speaker is None


def test_a_source_named_with_another_at_the_sentence_start_takes_both() -> None:
    text = "Bernie Sanders and Ted Cruz said the system was rigged."
    found = only(text)
    assert piece(text, found.speaker_mention) == "Bernie Sanders and Ted Cruz"
    # Not someone named with "and" inside another clause.
    text = "Trump attacked Clinton and Sanders said the system was rigged."
    mentions = [piece(text, a.speaker_mention) for a in extract(text)]
    assert "Sanders" in mentions and "Clinton and Sanders" not in mentions


def test_according_to_takes_a_whole_source_on_either_side_of_the_content() -> None:
    text = "According to the AP and Reuters, the deal is done."
    found = only(text)
    assert text[found.start : found.end] == "the deal is done"
    assert piece(text, found.speaker_mention) == "the AP and Reuters"
    text = "The deal is done, according to a senior official who spoke on condition of anonymity."
    found = only(text)
    assert text[found.start : found.end] == "The deal is done"
    assert piece(text, found.speaker_mention) == (
        "a senior official who spoke on condition of anonymity"
    )


def test_when_the_source_spoke_is_no_part_of_its_mention() -> None:
    cases = {
        "The White House on Monday urged Congress to pass the bill before the recess.": (
            "The White House"
        ),
        "Sen. Ada Lind on Wednesday downplayed the findings of the audit.": "Sen. Ada Lind",
        "Mr. Berg, in an interview on Friday, said the plan would fail.": "Mr. Berg",
        "The mayor now says the bridge will reopen in May.": "The mayor",
    }
    for text, mention in cases.items():
        assert piece(text, only(text).speaker_mention) == mention, text
    # A poll's date is part of the poll, as annotators mark it.
    text = "A Register poll released Sunday found that most voters back the levy."
    assert piece(text, only(text).speaker_mention) == "A Register poll released Sunday"


def test_a_verb_taken_with_the_source_is_no_part_of_it() -> None:
    text = "The documents raised new questions about whether the fund paid its staff."
    found = only(text)
    assert piece(text, found.speaker_mention) == "The documents"
    assert found.speaker is None  # documents are no speaker, nor "the documents raised new"
    # A participle that qualifies people stays.
    text = "Those surveyed said the levy was too high."
    assert piece(text, only(text).speaker_mention) == "Those surveyed"


def test_words_describing_a_noun_cue_name_no_one() -> None:
    text = (
        "Harbour pilot Peter Lund, a strong supporter of the new levy as well as a giant in "
        "the shipping trade, will speak at the meeting."
    )
    for found in extract(text):
        assert piece(text, found.speaker_mention) != "a strong"
        assert found.speaker is None or found.speaker.canonical_name != "a strong"


def test_sources_named_together_after_an_opening_phrase_or_in_lowercase() -> None:
    cases = {
        "However, Clinton and the State Department said the emails were not secret.": (
            "Clinton and the State Department"
        ),
        "Despite the feud, many experts and some lawmakers say the law has failed.": (
            "many experts and some lawmakers"
        ),
        "While Trump and his supporters talk about the wall, the cost keeps rising.": (
            "Trump and his supporters"
        ),
    }
    for text, mention in cases.items():
        mentions = [piece(text, found.speaker_mention) for found in extract(text)]
        assert mention in mentions, (text, mentions)


def test_that_before_a_noun_opens_no_clause() -> None:
    cases = {
        # "that" points at the contest: the whole infinitive is the content.
        "Mayor Ana Ruiz has pledged to stay in the race through that contest.": (
            "to stay in the race through that contest"
        ),
        # "that" points at the criticism, which is the object and the content.
        "The harbour master has begun to rebut that criticism.": "that criticism",
        # A real "that" clause is still read as one.
        "The harbour master said that the criticism was unfair.": "the criticism was unfair",
    }
    for text, content in cases.items():
        found = only(text)
        assert text[found.start : found.end] == content, text


def test_object_of_an_urging_before_a_participle_is_its_content() -> None:
    text = (
        "Lena Park, the harbour master, urged a strong stand, saying that otherwise the "
        "levy would fail."
    )
    contents = [text[a.start : a.end] for a in extract(text)]
    assert "otherwise the levy would fail" in contents
    assert any(content.endswith("strong stand") for content in contents), contents


def test_a_label_before_a_list_of_names_is_no_speaker() -> None:
    text = "Nevada: Adam Khan, Andres Ramirez, Andrew Diss, Barbara Buckley and D.J. Bettencourt."
    assert extract(text) == []
    text = "Sanders: We will win in Nevada, Iowa, Ohio and Texas."
    assert text[only(text).start : only(text).end] == (
        "We will win in Nevada, Iowa, Ohio and Texas"
    )
