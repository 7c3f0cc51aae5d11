"""Every word a certificate and ``autograder verify`` show, English and Bahasa Indonesia."""

from __future__ import annotations

MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "id": [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ],
}

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "Certificate of completion",
        "certifies": "This certifies that",
        "completed": "has completed the programme",
        "cohort": "Cohort",
        "venue": "Venue",
        "date": "Date",
        "id": "Certificate ID",
        "issuer": "Issued by",
        "scores": "Scores",
        "verify": "To check this certificate, scan the QR code or type the certificate code on the "
        "course site's page “Verify a certificate”. It works without internet.",
        "code": "Certificate code",
    },
    "id": {
        "title": "Sertifikat penyelesaian",
        "certifies": "Dengan ini menyatakan bahwa",
        "completed": "telah menyelesaikan program",
        "cohort": "Angkatan",
        "venue": "Tempat",
        "date": "Tanggal",
        "id": "Nomor sertifikat",
        "issuer": "Diterbitkan oleh",
        "scores": "Nilai",
        "verify": "Untuk memeriksa sertifikat ini, pindai kode QR atau ketik kode sertifikat pada "
        "halaman “Periksa sertifikat” di situs kursus. Pemeriksaan ini tidak memerlukan "
        "internet.",
        "code": "Kode sertifikat",
    },
}

#: Why a code is not valid (the site's page says the same, from etika/certificate_strings.py).
REASONS: dict[str, str] = {
    "valid": "valid: the signature matches a key of this programme",
    "empty": "no code given",
    "truncated": "the code is incomplete: characters are missing at its end",
    "damaged": "the code is damaged or mistyped: it cannot be read",
    "unknown_key": "signed by a key this programme does not publish: not issued by it",
    "bad_signature": "the signature does not match: the details were changed after signing "
    "(or the code was mistyped)",
    "revoked": "revoked",
    "superseded": "replaced by a newer certificate",
}


def long_date(iso: str, lang: str) -> str:
    """``2026-12-02`` as *2 December 2026* / *2 Desember 2026* (the same in both orders)."""
    year, month, day = (int(x) for x in iso.split("-"))
    return f"{day} {MONTHS[lang][month - 1]} {year}"
