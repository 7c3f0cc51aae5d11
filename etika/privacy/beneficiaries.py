"""A village roster and the NGO's "anonymous" beneficiary list drawn from it (synthetic).

Two tables, both made by seeded code, never collected from people:

* :func:`make_roster`: every adult resident of eight villages in two districts (*kecamatan*),
  with a made-up name, village, district, age, sex, household size and occupation. It stands
  for what an attacker can hold: a village roster posted on a notice board, or a list scraped
  from a village's social-media group.
* :func:`make_beneficiaries`: the residents who receive social assistance, as the NGO
  publishes them: the names removed, each row keeping village, district, age, sex, household
  size, occupation, whether the person heads a household alone as a woman, and the aid
  programme received. Every beneficiary is a resident, so the two tables share the
  quasi-identifiers (village, age, sex, household size, occupation).

What was put in on purpose: poorer occupations (farm labourer, fisher, not working) and larger
or single-headed households receive aid more often, so the list is not a random sample of the
roster; ages are spread over 18-85, so that exact age nearly singles people out in a village of
a few hundred adults.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

__all__ = [
    "AID_PROGRAMMES",
    "DATASHEET",
    "DISTRICTS",
    "OCCUPATIONS",
    "QUASI_IDENTIFIERS",
    "beneficiaries",
    "make_beneficiaries",
    "make_roster",
    "roster",
]

#: District -> its villages (common Javanese village names; no real village's data).
DISTRICTS: dict[str, tuple[str, ...]] = {
    "Sukorejo": ("Sidomulyo", "Karangrejo", "Tegalsari", "Wonorejo"),
    "Ngadirejo": ("Sumberagung", "Mekarsari", "Banjarsari", "Sukamaju"),
}
#: Occupations and their shares among adult residents.
OCCUPATIONS: dict[str, float] = {
    "farmer": 0.22,
    "farm_labourer": 0.16,
    "trader": 0.14,
    "fisher": 0.06,
    "factory_worker": 0.10,
    "teacher": 0.04,
    "homemaker": 0.18,
    "not_working": 0.10,
}
#: How much more often (odds multiplier) each occupation receives aid.
_AID_ODDS = {
    "farmer": 1.0,
    "farm_labourer": 2.6,
    "trader": 0.7,
    "fisher": 2.2,
    "factory_worker": 0.6,
    "teacher": 0.15,
    "homemaker": 1.3,
    "not_working": 2.8,
}
#: Programmes (PKH: family hope programme; BPNT: food aid; BLT Dana Desa: village cash aid).
AID_PROGRAMMES: tuple[str, ...] = ("PKH", "BPNT", "BLT Dana Desa")
#: The columns both tables share: what the attacker joins on.
QUASI_IDENTIFIERS: tuple[str, ...] = ("village", "age", "sex", "household_size", "occupation")

_GIVEN_F = ("Siti", "Sri", "Dewi", "Sumarni", "Tutik", "Wati", "Yuli", "Endang", "Ani", "Rina")
_GIVEN_M = ("Budi", "Slamet", "Agus", "Joko", "Bambang", "Eko", "Hadi", "Sugeng", "Dwi", "Rudi")
_FAMILY = ("Wahyuni", "Rahayu", "Santoso", "Susanto", "Lestari", "Purnomo", "Hartono", "Utami")


def make_roster(n_per_village: int = 300, seed: int = 0) -> pd.DataFrame:
    """Every adult resident of the eight villages (``8 * n_per_village`` rows)."""
    rng = np.random.default_rng(seed)
    rows = []
    for district, villages in DISTRICTS.items():
        for village in villages:
            n = n_per_village
            sex = rng.choice(["female", "male"], size=n)
            age = np.clip(np.round(rng.gamma(4.0, 10.5, size=n) + 14), 18, 85).astype(int)
            hh = np.clip(rng.poisson(2.8, size=n) + 1, 1, 9)
            occ = rng.choice(list(OCCUPATIONS), size=n, p=list(OCCUPATIONS.values()))
            # Homemakers are mostly women; the men among them are recoded as farmers.
            occ = np.where((occ == "homemaker") & (sex == "male") & (rng.random(n) < 0.85),
                           "farmer", occ)  # fmt: skip
            for i in range(n):
                given = rng.choice(_GIVEN_F if sex[i] == "female" else _GIVEN_M)
                rows.append(
                    {
                        "name": f"{given} {rng.choice(_FAMILY)}",
                        "village": village,
                        "district": district,
                        "age": int(age[i]),
                        "sex": str(sex[i]),
                        "household_size": int(hh[i]),
                        "occupation": str(occ[i]),
                    }
                )
    out = pd.DataFrame(rows)
    out.insert(0, "resident_id", [f"R{i:04d}" for i in range(len(out))])
    return out


def make_beneficiaries(seed: int = 0, n_per_village: int = 300) -> pd.DataFrame:
    """The NGO's published list: residents who receive aid, names removed, rows shuffled."""
    people = make_roster(n_per_village, seed)
    rng = np.random.default_rng(seed + 1)
    n = len(people)
    # A woman who heads a household alone (widowed, divorced, husband working away).
    female_head = (people["sex"] == "female").to_numpy() & (rng.random(n) < 0.22)
    odds = 0.28 * people["occupation"].map(_AID_ODDS).to_numpy()
    odds *= np.where(female_head, 2.5, 1.0) * (1 + 0.15 * (people["household_size"] - 3))
    odds *= np.where(people["age"] >= 65, 1.8, 1.0)
    receives = rng.random(n) < odds / (1 + odds)
    aid = rng.choice(list(AID_PROGRAMMES), size=n, p=[0.35, 0.45, 0.20])
    out = people.assign(female_head=female_head, aid=aid)[receives]
    out = out.drop(columns=["name"]).sample(frac=1.0, random_state=seed).reset_index(drop=True)
    # The resident id is kept aside for checking an attack, never part of what is published.
    return out


@lru_cache(maxsize=4)
def roster(seed: int = 0) -> pd.DataFrame:
    """The default roster (cached; do not modify the returned frame)."""
    return make_roster(seed=seed)


@lru_cache(maxsize=4)
def beneficiaries(seed: int = 0) -> pd.DataFrame:
    """The default beneficiary list (cached), with ``resident_id`` kept for checking only."""
    return make_beneficiaries(seed=seed)


DATASHEET: dict[str, dict[str, str]] = {
    "motivation": {
        "en": "Made for the Etika AI course to show, on data that harms nobody, how a list "
        "published without names can still point at people, and what protects it. Synthetic on "
        "purpose: no real person's personal data.",
        "id": "Dibuat untuk kursus Etika AI agar terlihat, dengan data yang tidak merugikan siapa "
        "pun, bagaimana daftar yang diterbitkan tanpa nama tetap dapat menunjuk orang, dan apa "
        "yang melindunginya. Sengaja sintetis: tidak ada data pribadi orang sungguhan.",
    },
    "composition": {
        "en": "Two tables. The roster: one row per adult resident of eight villages in two "
        "districts (name, village, district, age, sex, household size, occupation). The "
        "beneficiary list: one row per resident receiving aid, without the name, with village, "
        "district, age, sex, household size, occupation, whether she is a woman heading a "
        "household, and the aid programme (PKH, BPNT or BLT Dana Desa).",
        "id": "Dua tabel. Daftar warga: satu baris untuk setiap warga dewasa di delapan desa dalam "
        "dua kecamatan (nama, desa, kecamatan, usia, gender, jumlah anggota rumah tangga, "
        "pekerjaan). Daftar penerima: satu baris untuk setiap warga penerima bantuan, tanpa "
        "nama, dengan desa, kecamatan, usia, gender, jumlah anggota rumah tangga, "
        "pekerjaan, apakah ia perempuan kepala keluarga, dan program bantuannya (PKH, BPNT atau "
        "BLT Dana Desa).",
    },
    "collection": {
        "en": "Generated by seeded code (etika/privacy/beneficiaries.py). Ages follow a skewed "
        "distribution over 18-85; household size is 1 plus a Poisson count; occupations follow "
        "fixed shares. Who receives aid is drawn from odds that rise for farm labourers, fishers, "
        "people not working, women heading a household, larger households and people aged 65 or "
        "more.",
        "id": "Dibuat oleh kode dengan seed (etika/privacy/beneficiaries.py). Usia mengikuti "
        "sebaran miring pada rentang 18-85; jumlah anggota rumah tangga adalah 1 ditambah "
        "bilangan Poisson; pekerjaan mengikuti proporsi tetap. Siapa yang menerima bantuan "
        "diundi dari peluang yang lebih tinggi bagi buruh tani, nelayan, warga tidak bekerja, "
        "perempuan kepala keluarga, rumah tangga besar dan warga berusia 65 tahun ke atas.",
    },
    "uses": {
        "en": "The privacy chapter's demos and exercise: a linkage attack on quasi-identifiers, "
        "k-anonymity and l-diversity, counts released with differential privacy. Not for "
        "estimating anything about real villages.",
        "id": "Demo dan latihan bab privasi: serangan penautan pada kuasi-identifier, "
        "k-anonimitas dan l-diversitas, hitungan yang dirilis dengan privasi diferensial. Bukan "
        "untuk menaksir apa pun tentang desa sungguhan.",
    },
}
