"""Format-preserving encryption of 公民身份号码: valid numbers out, kept parts kept, reversible, refused below 10^6."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shuzhi.errors import ConfigError
from shuzhi.masking.fpe_id import _split, decrypt_ids, domain, encrypt_ids
from shuzhi.standards.checksums import gb11643_check_char, gb11643_valid

KEY = bytes(range(32))


def ident(area: str, born: dt.date, seq: int) -> str:
    body = f"{area}{born:%Y%m%d}{seq:03d}"
    return body + gb11643_check_char(body)


ids = st.builds(ident, st.sampled_from(["110105", "320102", "440305"]),
                st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)), st.integers(0, 999))


@settings(max_examples=40, deadline=None)
@given(st.lists(ids, min_size=1, max_size=30, unique=True),
       st.sampled_from([("area",), ("area", "sex")]), st.sampled_from(["aes", "sm4"]))
def test_valid_distinct_reversible(values: list[str], keep: tuple[str, ...], cipher: str) -> None:
    key = KEY[:16] if cipher == "sm4" else KEY
    out = encrypt_ids(key, pa.array(values), keep=keep, cipher=cipher).to_pylist()
    assert all(gb11643_valid(o) for o in out)
    assert len(set(out)) == len(values)  # a permutation of the domain: distinct in, distinct out
    for before, after in zip(values, out, strict=True):
        assert after[:6] == before[:6]
        if "sex" in keep:
            assert int(after[16]) % 2 == int(before[16]) % 2
    assert decrypt_ids(key, pa.array(out), keep=keep, cipher=cipher).to_pylist() == values


@pytest.mark.parametrize(("area", "prefix"), [("county", "320102"), ("city", "320100"), ("province", "320000")])
def test_area_generalized(area: str, prefix: str) -> None:
    values = [ident("320102", dt.date(1985, 1, 1) + dt.timedelta(days=i), i) for i in range(50)]
    out = encrypt_ids(KEY, pa.array(values), keep=("area", "sex"), area=area).to_pylist()
    assert all(o[:6] == prefix and gb11643_valid(o) for o in out) and len(set(out)) == 50
    back = decrypt_ids(KEY, pa.array(out), keep=("area", "sex"), area=area).to_pylist()
    assert [b[:17] for b in back] == [prefix + v[6:17] for v in values] and all(gb11643_valid(b) for b in back)
    with pytest.raises(ConfigError, match="generalizes to county, city, province"):
        encrypt_ids(KEY, pa.array(values), area="town")


@pytest.mark.parametrize(("keep", "size"), [(("area",), 73049 * 1000), (("area", "sex"), 73049 * 500)])
def test_domain_sizes(keep: tuple[str, ...], size: int) -> None:
    assert domain(keep) == size


@pytest.mark.parametrize("keep", [("area", "birth"), ("area", "birth", "sex")])
def test_domains_below_a_million_are_refused(keep: tuple[str, ...]) -> None:
    with pytest.raises(ConfigError) as err:
        encrypt_ids(KEY, pa.array([ident("320102", dt.date(1985, 1, 1), 1)]), keep=keep)
    assert "below the 10^6" in err.value.en and "10^6" in err.value.zh


def test_unknown_part_is_refused() -> None:
    with pytest.raises(ConfigError, match="keep for ID numbers takes"):
        domain(("area", "name"))


@pytest.mark.parametrize(("value", "reason"), [
    ("32010219850230123X", "no 30 February"), ("320102180001011234", "born before 1900"),
    ("3201021985010112", "too short"), ("32010219850101123Y", "checked shape: the check character is recomputed, not read"),
    ("3201A2198501011234", "a letter in the body"), (None, "null"),
])
def test_values_that_cannot_be_encrypted_come_out_null(value: str | None, reason: str) -> None:
    out = encrypt_ids(KEY, pa.array([value, ident("320102", dt.date(1985, 1, 1), 7)], type=pa.string())).to_pylist()
    if reason.startswith("checked shape"):
        assert out[0] is not None and gb11643_valid(out[0])
    else:
        assert out[0] is None
    assert out[1] is not None and gb11643_valid(out[1])


@settings(max_examples=30, deadline=None)
@given(st.lists(ids, min_size=1, max_size=30, unique=True), st.sampled_from([("area",), ("area", "sex")]))
def test_birth_generalized_to_its_decade(values: list[str], keep: tuple[str, ...]) -> None:
    """``birth="decade"``: valid, distinct, the decade of birth kept (the 1900s and 2090s have 3,652
    days, so the walk must land inside them too), the sex parity kept with sex, reversible."""
    out = encrypt_ids(KEY, pa.array(values), keep=keep, birth="decade").to_pylist()
    assert all(gb11643_valid(o) for o in out) and len(set(out)) == len(values)
    for before, after in zip(values, out, strict=True):
        assert after[:9] == before[:9]  # area and decade
        if "sex" in keep:
            assert int(after[16]) % 2 == int(before[16]) % 2
    assert decrypt_ids(KEY, pa.array(out), keep=keep, birth="decade").to_pylist() == values


def test_decade_dates_spread_over_the_decade() -> None:
    values = [ident("320102", dt.date(1985, 6, 12), seq) for seq in range(400)]
    out = encrypt_ids(KEY, pa.array(values), birth="decade").to_pylist()
    born = {dt.date(int(o[6:10]), int(o[10:12]), int(o[12:14])) for o in out}
    assert min(born) >= dt.date(1980, 1, 1) and max(born) <= dt.date(1989, 12, 31)
    assert len({b.year for b in born}) == 10  # 400 values: every year of the decade, not one date
    # the decade of 3,652 days keeps every output inside it
    edge = [ident("110105", dt.date(2099, 12, 31), seq) for seq in range(200)]
    assert all("2090" <= o[6:10] <= "2099" for o in encrypt_ids(KEY, pa.array(edge), birth="decade").to_pylist())


@pytest.mark.parametrize(("keep", "size"), [(("area",), 3653 * 1000), (("area", "sex"), 3653 * 500)])
def test_decade_domain_sizes(keep: tuple[str, ...], size: int) -> None:
    assert domain(keep, "decade") == size
    # each value walks into its own decade's days: 3,652 in the 1900s and 2090s, 3,653 in the 1980s
    values = pa.array([ident("110105", born, 1) for born in (dt.date(1900, 3, 1), dt.date(1985, 6, 12), dt.date(2099, 12, 31))])
    *_, origin, limit = _split(values, keep, "decade", size)
    assert [str(o) for o in origin] == ["1900-01-01", "1980-01-01", "2090-01-01"]
    assert list(limit) == [3652 * size // 3653, size, 3652 * size // 3653]


@pytest.mark.parametrize(("birth", "keep", "message"), [
    ("year", ("area",), "encrypted as a date or a decade, not 'year'"),
    ("decade", ("area", "birth"), "keep: birth passes through unchanged"),
])
def test_birth_options_refused(birth: str, keep: tuple[str, ...], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        encrypt_ids(KEY, pa.array([ident("320102", dt.date(1985, 1, 1), 1)]), keep=keep, birth=birth)
