from decimal import Decimal

from textcheck.numbers import Interval, chinese_numeral_value, parse_count, parse_number


def test_parse_thousands_and_interval():
    n = parse_number("3,956.08")
    assert n.value == Decimal("3956.08") and n.decimals == 2
    assert n.interval == Interval(Decimal("3956.075"), Decimal("3956.085"))


def test_misplaced_thousands_separator_is_not_a_number():
    assert parse_number("3,9561.08") is None
    assert parse_number("12,34") is None


def test_negative_and_percent_forms():
    assert parse_number("-2.46").value == Decimal("-2.46")
    assert parse_number("（5.00）").value == Decimal("-5.00")
    p = parse_number("1,779.40%")
    assert p.unit == "%" and p.value == Decimal("1779.40")


def test_unit_conversion_is_exact():
    n = parse_number("1.5", unit="万元")
    assert n.in_unit("元").value == Decimal("15000")
    assert n.interval_in("元") == Interval(Decimal("14500"), Decimal("15500"))


def test_interval_arithmetic():
    a, b = parse_number("1.00").interval, parse_number("2.00").interval
    assert (a + b) == Interval(Decimal("2.990"), Decimal("3.010"))
    assert (a / Interval(Decimal(0), Decimal(1))) is None
    assert parse_number("3.01").interval.overlaps(a + b)
    assert not parse_number("3.02").interval.overlaps(a + b)


def test_chinese_numerals():
    assert chinese_numeral_value("四") == 4
    assert chinese_numeral_value("十五") == 15
    assert chinese_numeral_value("一百二十") == 120
    assert chinese_numeral_value("两") == 2
    assert chinese_numeral_value("一般") is None
    assert parse_count("193") == 193
