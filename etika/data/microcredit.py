"""Synthetic micro-credit applications from Indonesian small businesses (UMKM).

The data are made up by seeded code, never collected from people. They are *plausible*
(rupiah revenues of a few million a month, real provinces, common kinds of home business) and
carry four biases planted **on purpose** so that the bias chapter can show how each one
reaches a model. :data:`PLANTED_BIASES` lists them and :data:`DATASHEET` describes the data in
the style of "Datasheets for Datasets" (Gebru et al., 2021), in English and Indonesian.

How a row is made
-----------------
1. ``area`` is drawn first: rural with probability ``rural_share`` (the population share of
   rural applicants is ~45 %; the default sample holds 25 %: representation bias).
2. ``gender``, ``age``, ``province``, ``household_head`` and ``business_type`` follow;
   ``business_type`` and ``household_head`` depend strongly on gender (the proxy).
3. ``years_running``, ``monthly_revenue_idr`` (log-normal) and ``has_marketplace`` follow.
4. ``repaid`` (the true outcome: would the applicant repay a loan?) is drawn from a logistic
   model of the business. Urban repayment follows revenue and online sales; rural repayment
   follows mostly how long the business has run (seasonal cash flow makes one month's
   revenue a weak signal). Women repay somewhat more often at equal business figures, as
   found across microfinance institutions (D'Espallier, Guérin & Mersland, 2011, *World
   Development* 39(5)), so the base rates of ``repaid`` differ between groups.
5. ``credit_history_years`` reflects repayment capacity, but women and rural applicants have
   had less access to formal credit (loans in a husband's name, no bank branch nearby):
   historical bias.
6. ``approved_past`` is what past loan officers decided: it follows the business figures and
   credit history, *and* penalises women and rural applicants beyond their repayment: label
   bias.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from etika.data._checks import check_generator_args

__all__ = [
    "BUSINESS_TYPES",
    "DATASHEET",
    "PLANTED_BIASES",
    "POPULATION_RURAL_SHARE",
    "PROVINCES",
    "make_microcredit",
]

#: Share of rural applicants in the population the sample is meant to represent.
POPULATION_RURAL_SHARE = 0.45

#: Provinces and their probabilities, separately for urban and rural applicants.
PROVINCES: dict[str, dict[str, float]] = {
    "urban": {
        "DKI Jakarta": 0.22,
        "Jawa Barat": 0.24,
        "Jawa Timur": 0.24,
        "Kalimantan Selatan": 0.14,
        "Sulawesi Selatan": 0.11,
        "Nusa Tenggara Timur": 0.05,
    },
    "rural": {
        "Jawa Barat": 0.20,
        "Jawa Timur": 0.24,
        "Kalimantan Selatan": 0.20,
        "Sulawesi Selatan": 0.16,
        "Nusa Tenggara Timur": 0.20,
    },
}

#: Kinds of business: (probability for women, probability for men, median revenue in IDR).
BUSINESS_TYPES: dict[str, tuple[float, float, float]] = {
    "food_stall": (0.30, 0.10, 3_500_000),  # warung
    "catering": (0.17, 0.03, 5_000_000),
    "tailoring": (0.17, 0.04, 3_000_000),
    "handicraft": (0.12, 0.06, 2_500_000),
    "online_shop": (0.14, 0.14, 6_000_000),
    "farm_produce": (0.06, 0.23, 3_000_000),
    "repair_shop": (0.02, 0.22, 5_000_000),  # bengkel
    "transport": (0.02, 0.18, 4_000_000),  # ojek, delivery
}

PLANTED_BIASES: list[dict[str, str]] = [
    {
        "kind": "historical",
        "column": "credit_history_years",
        "description_en": (
            "Women (and rural applicants) have a shorter formal credit history than men at the "
            "same ability to repay: loans were often taken in a husband's name and banks are "
            "far from villages. A model that rewards credit history carries this past forward."
        ),
        "description_id": (
            "Perempuan (dan pemohon di perdesaan) memiliki riwayat kredit formal yang lebih "
            "pendek daripada laki-laki dengan kemampuan melunasi yang sama: pinjaman sering "
            "diambil atas nama suami dan bank jauh dari desa. Model yang menghargai riwayat "
            "kredit membawa masa lalu ini ke masa depan."
        ),
    },
    {
        "kind": "representation",
        "column": "area",
        "description_en": (
            "Rural applicants are about 45% of the population but only rural_share (25% by "
            "default) of the sample, and their repayment depends on different things (years "
            "in business rather than one month's revenue). A model learns the urban pattern "
            "best and makes more errors for rural applicants."
        ),
        "description_id": (
            "Pemohon perdesaan sekitar 45% dari populasi, tetapi hanya rural_share (bawaan "
            "25%) dari sampel, dan kemampuan melunasi mereka bergantung pada hal lain (lama "
            "usaha berjalan, bukan omzet satu bulan). Model paling baik mempelajari pola "
            "perkotaan dan lebih sering keliru untuk pemohon perdesaan."
        ),
    },
    {
        "kind": "label",
        "column": "approved_past",
        "description_en": (
            "The past loan officers' decisions penalise women and rural applicants beyond "
            "their true repayment: women repay more often than men, yet were approved less "
            "often. A model trained on approved_past learns the officers' bias, not repayment."
        ),
        "description_id": (
            "Keputusan petugas kredit di masa lalu merugikan perempuan dan pemohon perdesaan "
            "melebihi kemampuan melunasi mereka yang sebenarnya: perempuan lebih sering "
            "melunasi daripada laki-laki, tetapi lebih jarang disetujui. Model yang dilatih "
            "dengan approved_past mempelajari bias petugas, bukan kemampuan melunasi."
        ),
    },
    {
        "kind": "proxy",
        "column": "business_type, household_head",
        "description_en": (
            "Kind of business (tailoring, catering and food stalls are mostly run by women; "
            "repair shops, transport and farm produce mostly by men) and the head-of-household "
            "flag predict gender well. Removing the gender column does not remove gender."
        ),
        "description_id": (
            "Jenis usaha (menjahit, katering dan warung kebanyakan dijalankan perempuan; "
            "bengkel, transportasi dan hasil tani kebanyakan oleh laki-laki) dan penanda "
            "kepala rumah tangga memprediksi gender dengan baik. Menghapus kolom gender tidak "
            "menghapus gender."
        ),
    },
]

DATASHEET: dict[str, dict[str, str]] = {
    "motivation": {
        "en": (
            "Made for the Etika AI course to show, on a familiar case, how bias enters a "
            "micro-credit model and how to assess it. It is synthetic on purpose: no real "
            "person's personal data is used, and the biases are known because we put them in."
        ),
        "id": (
            "Dibuat untuk kursus Etika AI agar dapat ditunjukkan, dengan kasus yang akrab, "
            "bagaimana bias masuk ke model kredit mikro dan bagaimana menilainya. Data ini "
            "sengaja sintetis: tidak ada data pribadi orang sungguhan yang dipakai, dan bias "
            "di dalamnya diketahui karena kami sendiri yang menanamkannya."
        ),
    },
    "composition": {
        "en": (
            "One row per loan application from a small business (UMKM): applicant_id, gender, "
            "age, province, area (urban/rural), household_head, business_type, years_running, "
            "monthly_revenue_idr, credit_history_years, has_marketplace, repaid (true outcome: "
            "would the loan be repaid) and approved_past (the past officer's decision). "
            "Revenues are log-normal, a few million rupiah a month."
        ),
        "id": (
            "Satu baris untuk setiap pengajuan pinjaman dari usaha kecil (UMKM): "
            "applicant_id, gender, usia, provinsi, wilayah (perkotaan/perdesaan), kepala "
            "rumah tangga, jenis usaha, lama usaha berjalan, omzet bulanan (rupiah), lama "
            "riwayat kredit formal, berjualan di marketplace atau tidak, repaid (hasil "
            "sebenarnya: apakah pinjaman akan dilunasi) dan approved_past (keputusan petugas "
            "di masa lalu). Omzet mengikuti sebaran log-normal, beberapa juta rupiah sebulan."
        ),
    },
    "collection": {
        "en": (
            "Generated by etika.data.make_microcredit(n, seed, rural_share) with NumPy's "
            "seeded random generator: the same seed always gives the same table. Rural "
            "applicants are sampled at rural_share instead of their ~45% population share. "
            "In real lending, repayment is only seen for approved applicants; here it is "
            "known for everyone, which real data never allows."
        ),
        "id": (
            "Dibuat oleh etika.data.make_microcredit(n, seed, rural_share) dengan pembangkit "
            "acak NumPy yang diberi seed: seed yang sama selalu menghasilkan tabel yang sama. "
            "Pemohon perdesaan diambil sebanyak rural_share, bukan sekitar 45% sesuai "
            "populasinya. Dalam pinjaman sungguhan, pelunasan hanya terlihat untuk pemohon "
            "yang disetujui; di sini pelunasan diketahui untuk semua orang, hal yang tidak "
            "pernah dimungkinkan oleh data nyata."
        ),
    },
    "uses": {
        "en": (
            "Teaching only: assessing group metrics, thresholds, proxies and representation. "
            "Not for drawing conclusions about real Indonesian borrowers."
        ),
        "id": (
            "Hanya untuk pembelajaran: menilai metrik kelompok, ambang batas, proksi dan "
            "keterwakilan. Bukan untuk menarik kesimpulan tentang peminjam sungguhan di "
            "Indonesia."
        ),
    },
}


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _choice_by_group(
    rng: np.random.Generator, labels: list[str], probs: np.ndarray, group: np.ndarray
) -> np.ndarray:
    """Draw one label per row; ``probs[k]`` are the label probabilities for ``group == k``."""
    cum = np.cumsum(probs / probs.sum(axis=1, keepdims=True), axis=1)[group]
    u = rng.random(len(group))[:, None]
    idx = (u > cum).sum(axis=1)
    return np.asarray(labels, dtype=object)[np.minimum(idx, len(labels) - 1)]


def make_microcredit(n: int = 4000, seed: int = 0, rural_share: float = 0.25) -> pd.DataFrame:
    """Generate ``n`` synthetic micro-credit applications (seeded, deterministic).

    Parameters
    ----------
    n
        Number of applications (rows).
    seed
        Seed of NumPy's random generator; the same ``(n, seed, rural_share)`` always gives
        an identical frame.
    rural_share
        Share of rural applicants in the sample (the population share is ~0.45).

    Returns
    -------
    DataFrame with columns ``applicant_id, gender, age, province, area, household_head,
    business_type, years_running, monthly_revenue_idr, credit_history_years,
    has_marketplace, repaid, approved_past``. See :data:`PLANTED_BIASES`.
    """
    check_generator_args(n, rural_share)
    rng = np.random.default_rng(seed)

    rural = rng.random(n) < rural_share
    female = rng.random(n) < 0.55
    age = np.clip(np.round(21 + rng.gamma(4.0, 4.5, n)), 18, 70).astype("int64")

    prov_names = sorted(set(PROVINCES["urban"]) | set(PROVINCES["rural"]))
    prov_p = np.array([[PROVINCES[a].get(p, 0.0) for p in prov_names] for a in ("urban", "rural")])
    province = _choice_by_group(rng, prov_names, prov_p, rural.astype(int))

    household_head = rng.random(n) < np.where(female, 0.22, 0.88)

    btypes = list(BUSINESS_TYPES)
    base = np.array([[BUSINESS_TYPES[b][g] for b in btypes] for g in (1, 0)])  # men, women
    rural_mult = np.array(
        [3.0 if b == "farm_produce" else 0.5 if b == "online_shop" else 1.0 for b in btypes]
    )
    bp = np.vstack([base, base * rural_mult])  # rows: urban men, urban women, rural m, rural w
    business_type = _choice_by_group(rng, btypes, bp, female.astype(int) + 2 * rural.astype(int))

    max_years = np.maximum(age - 17, 1)
    years_running = np.round(np.minimum(0.5 + rng.gamma(2.0, 2.8, n), max_years), 1)

    median = np.array([BUSINESS_TYPES[b][2] for b in business_type], dtype=float)
    log_rev = (
        np.log(median)
        + np.where(rural, np.log(0.7), 0.0)
        + 0.04 * np.minimum(years_running, 10)
        + rng.normal(0.0, 0.6, n)
    )
    monthly_revenue_idr = (np.round(np.exp(log_rev) / 10_000) * 10_000).astype("int64")

    online = business_type == "online_shop"
    has_marketplace = rng.random(n) < np.where(
        online, 0.95, _sigmoid(-1.3 + 1.0 * ~rural - 0.04 * (age - 35))
    )

    # True repayment. Standardised business figures:
    z_rev = (log_rev - np.log(3_800_000)) / 0.65
    z_years = (years_running - 5.5) / 4.0
    logit_urban = 0.75 + 1.4 * z_rev + 0.15 * z_years + 0.8 * has_marketplace
    logit_rural = 0.45 - 0.4 * z_rev + 2.2 * z_years
    logit = np.where(rural, logit_rural, logit_urban) + 1.0 * female
    capacity = logit + rng.normal(0.0, 0.3, n)
    repaid = (rng.random(n) < _sigmoid(capacity)).astype("int64")

    # Historical bias: formal credit history tracks capacity, minus access barriers.
    credit = (
        0.35 * np.minimum(years_running, 15)
        + 0.9 * capacity
        - 1.6 * female
        - 0.8 * rural
        + rng.normal(0.0, 1.0, n)
    )
    credit_history_years = np.round(np.clip(credit, 0.0, years_running), 1)

    # Label bias: past officers' decisions.
    z_credit = (credit_history_years - 2.0) / 2.0
    logit_officer = (
        0.2
        + 0.9 * z_credit
        + 0.7 * z_rev
        + 0.3 * z_years
        + 0.4 * has_marketplace
        + 0.6 * capacity
        - 1.1 * female
        - 0.9 * rural
    )
    approved_past = (rng.random(n) < _sigmoid(logit_officer)).astype("int64")

    return pd.DataFrame(
        {
            "applicant_id": [f"MC{seed:03d}-{i:05d}" for i in range(n)],
            "gender": pd.Categorical(
                np.where(female, "female", "male"), categories=["female", "male"]
            ),
            "age": age,
            "province": pd.Categorical(province, categories=prov_names),
            "area": pd.Categorical(
                np.where(rural, "rural", "urban"), categories=["urban", "rural"]
            ),
            "household_head": household_head,
            "business_type": pd.Categorical(business_type, categories=btypes),
            "years_running": years_running,
            "monthly_revenue_idr": monthly_revenue_idr,
            "credit_history_years": credit_history_years,
            "has_marketplace": has_marketplace,
            "repaid": repaid,
            "approved_past": approved_past,
        }
    )
