"""ID numbers (公民身份号码), GB 11643-1999 / ISO 7064 MOD 11-2 — DOMAIN §4."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, strategies as st

from core import i18n, idnumber
from core.idnumber import IdNumberError, check_digit, is_valid, mask, parse

VALID = ["11010519491231002X", "360426199101010071", "120103198806018241"]


@pytest.fixture
def english():
    """Messages in their English source form, whatever translation is installed."""
    i18n.install("en", None)


def reason(raw) -> str:
    with pytest.raises(IdNumberError) as err:
        parse(raw)
    return str(err.value)


# -- the vectors of DOMAIN §4 ----------------------------------------------------

@pytest.mark.parametrize("number", VALID)
def test_domain_vectors_are_valid(number):
    assert is_valid(number)
    assert parse(number).number == number


def test_domain_invalid_vector_fails_on_the_check_digit(english):
    assert not is_valid("360426199101010072")
    assert "check digit" in reason("360426199101010072")


def test_birth_date_and_gender_are_read_from_the_number():
    info = parse("11010519491231002X")
    assert info.birth_date == date(1949, 12, 31)
    assert info.gender == "female"  # 17th digit 2: even
    info = parse("360426199101010071")
    assert (info.birth_date, info.gender) == (date(1991, 1, 1), "male")  # 7: odd
    info = parse("120103198806018241")
    assert (info.birth_date, info.gender) == (date(1988, 6, 1), "female")  # 4: even


# -- what spreadsheets do to ID numbers --------------------------------------------

@pytest.mark.parametrize("raw", [
    1.10105e17,                # what Excel shows as 1.10105E+17
    110105194912310020.0,      # the float a reader hands over
    "1.10105194912310E+17",    # the number turned back into text
    "1.10105E+17",
    "1.1010519491231002e+17",  # Python's str() of that float
    110105194912310020,        # an int beyond a float's 15 safe digits came from a float cell
])
def test_a_number_that_went_through_a_float_is_refused_as_lost_digits(raw, english):
    message = reason(raw)
    assert "lost digits" in message and "as text" in message
    # The secretary must learn that the column format is the problem, not a typo.
    assert message != reason("360426199101010072")


def test_lower_case_x_and_full_width_characters_are_accepted():
    assert parse("11010519491231002x").number == "11010519491231002X"
    full_width = "１１０１０５１９４９１２３１００２Ｘ"
    assert parse(full_width).number == "11010519491231002X"
    assert parse("１１０１０５１９４９１２３１００２ｘ").number == "11010519491231002X"
    assert parse("  360426199101010071 ").number == "360426199101010071"


@pytest.mark.parametrize("birth", ["19990230", "19991301", "19990000", "19990631", "18500101"])
def test_impossible_birth_dates_are_refused_even_with_a_right_check_digit(birth, english):
    first17 = "110105" + birth + "002"
    number = first17 + check_digit(first17)
    assert "birth date" in reason(number)


@pytest.mark.parametrize("raw, words", [
    ("11010519491231002", "18 characters"),
    ("11010519491231002XX", "18 characters"),
    ("", "18 characters"),
    ("1101051949123100X2", "17 digits"),
    ("11010519491231002Y", "17 digits"),
])
def test_wrong_shapes_say_what_shape_is_expected(raw, words, english):
    assert words in reason(raw)


def test_mask_shows_region_and_last_four_only():
    assert mask("11010519491231002X") == "110105********002X"
    assert mask("") == "" and mask(None) == ""
    assert mask("12345") == "*****"


# -- properties ------------------------------------------------------------------

regions = st.integers(110000, 659999).map(str)
births = st.dates(date(1900, 1, 1), date(2026, 11, 20))
sequences = st.integers(0, 999).map(lambda n: f"{n:03d}")


def build(region: str, born: date, seq: str) -> str:
    first17 = region + born.strftime("%Y%m%d") + seq
    return first17 + check_digit(first17)


@given(regions, births, sequences)
def test_any_well_formed_number_is_valid_and_read_back(region, born, seq):
    number = build(region, born, seq)
    info = parse(number)
    assert info.birth_date == born
    assert info.gender == ("male" if int(seq[-1]) % 2 else "female")


@given(regions, births, sequences, st.integers(0, 17), st.data())
def test_every_single_character_error_is_caught(region, born, seq, position, data):
    number = build(region, born, seq)
    alphabet = "0123456789X" if position == 17 else "0123456789"
    wrong = data.draw(st.sampled_from([c for c in alphabet if c != number[position]]))
    changed = number[:position] + wrong + number[position + 1:]
    assert not is_valid(changed)
    if position < 6 or position >= 14:
        # Outside the birth date nothing else can be wrong: the check digit must notice.
        i18n.install("en", None)
        assert "check digit" in reason(changed)


@given(regions, births, sequences)
def test_mask_never_reveals_the_birth_date(region, born, seq):
    number = build(region, born, seq)
    masked = mask(number)
    assert len(masked) == 18
    assert masked[6:14] == "********"
    assert masked[:6] == number[:6] and masked[14:] == number[14:]


@given(st.text(alphabet="0123456789X", min_size=11, max_size=30))
def test_mask_hides_positions_7_to_14_of_anything_id_like(text):
    # Old 15-digit numbers and mistyped ones reach the roster too; the birth date inside
    # them (positions 7–12 or 7–14) must not show either.
    masked = mask(text)
    assert len(masked) == len(text)
    assert set(masked[6:14]) == {"*"}


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_the_check_digit_read_in_base_13_is_the_weighted_sum(first17):
    # check_digit's shortcut (13 ≡ 2 mod 11) against the standard's weights, digit by digit.
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    assert check_digit(first17) == "10X98765432"[sum(int(c) * w for c, w in zip(first17, weights)) % 11]


def test_digits_of_other_scripts_are_not_an_id_number(english):
    # str.isdigit and the regex \d take them; stored as they are they would hash apart from
    # the same number in ASCII digits, and duplicates would go unnoticed.
    arabic_indic = "11010519491231002X".translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert not is_valid(arabic_indic)
    assert "17 digits" in reason(arabic_indic)
    devanagari = "360426199101010071".translate(str.maketrans("0123456789", "०१२३४५६७८९"))
    assert not is_valid(devanagari)


@pytest.mark.parametrize("raw", ["11010519491231002X", " 11010519491231002X", "11010519491231002x", "1101051949123100２X"])
def test_a_number_already_normal_and_one_to_normalise_read_the_same(raw):
    assert parse(raw) == parse(idnumber.normalise(raw))


@given(st.integers(0, 9999), st.integers(0, 99), st.integers(0, 99), st.sampled_from("0123456789"))
def test_the_birth_date_is_read_as_date_of_its_three_numbers(year, month, day, sex):
    """parse reads the eight digits with date.fromisoformat: the same date, or the same
    refusal, as date(year, month, day)."""
    digits = f"{year:04d}{month:02d}{day:02d}"
    first17 = f"110105{digits}00{sex}"
    number = first17 + check_digit(first17)
    try:
        expected = date(year, month, day)
    except ValueError:
        expected = None
    if expected is None or expected.year < 1880:
        with pytest.raises(IdNumberError):
            parse(number)
    else:
        info = parse(number)
        assert info == idnumber.IdInfo(number, expected, "male" if sex in "13579" else "female")
        assert info.birth_date == expected and type(info.birth_date) is date
