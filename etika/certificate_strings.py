"""Words of the site's *Verify a certificate* page (its form and every answer it gives),
English and Bahasa Indonesia. Merged into :data:`etika.strings.STRINGS` at its end.

The reasons say the same as ``autograder/certificates/strings.py`` (``REASONS``), so a
verifier on the site and a grader on the command line read the same verdict.
"""

STRINGS: dict[str, dict[str, str]] = {
    "verify.label": {"en": "Certificate code", "id": "Kode sertifikat"},
    "verify.help": {
        "en": "Type the code printed on the certificate (spaces do not matter), or paste what "
        "a QR scanner read.",
        "id": "Ketik kode yang tercetak pada sertifikat (spasi tidak berpengaruh), atau tempel "
        "hasil bacaan pemindai QR.",
    },
    "verify.button": {"en": "Check the certificate", "id": "Periksa sertifikat"},
    "verify.valid": {
        "en": "Valid certificate: the signature matches this programme's key.",
        "id": "Sertifikat sah: tanda tangannya cocok dengan kunci program ini.",
    },
    "verify.compare": {
        "en": "Compare these details with the paper. If one differs, the paper was changed.",
        "id": "Bandingkan rincian ini dengan kertasnya. Jika ada yang berbeda, kertas itu "
        "telah diubah.",
    },
    "verify.invalid": {"en": "Not valid.", "id": "Tidak sah."},
    "verify.name": {"en": "Name", "id": "Nama"},
    "verify.programme": {"en": "Programme", "id": "Program"},
    "verify.cohort": {"en": "Cohort", "id": "Angkatan"},
    "verify.venue": {"en": "Venue", "id": "Tempat"},
    "verify.date": {"en": "Date", "id": "Tanggal"},
    "verify.id": {"en": "Certificate ID", "id": "Nomor sertifikat"},
    "verify.empty": {"en": "Type or paste a code first.", "id": "Ketik atau tempel kode dulu."},
    "verify.truncated": {
        "en": "The code is incomplete: characters are missing at its end. Type it again from "
        "the paper.",
        "id": "Kode ini tidak lengkap: ada karakter yang hilang di bagian akhirnya. Ketik ulang "
        "dari kertasnya.",
    },
    "verify.damaged": {
        "en": "The code is damaged or mistyped: it cannot be read. Check each character.",
        "id": "Kode ini rusak atau salah ketik sehingga tidak dapat dibaca. Periksa setiap "
        "karakternya.",
    },
    "verify.unknown_key": {
        "en": "It was signed with a key this programme does not publish: it was not issued by "
        "this programme.",
        "id": "Kode ini ditandatangani dengan kunci yang tidak diterbitkan program ini: "
        "sertifikat ini bukan terbitan program ini.",
    },
    "verify.bad_signature": {
        "en": "The signature does not match: the details were changed after signing, or the "
        "code was mistyped.",
        "id": "Tanda tangannya tidak cocok: rinciannya diubah setelah ditandatangani, atau "
        "kodenya salah ketik.",
    },
    "verify.revoked": {
        "en": "This certificate was revoked on {on}. Reason: {reason}",
        "id": "Sertifikat ini dicabut pada {on}. Alasan: {reason}",
    },
    "verify.superseded": {
        "en": "This certificate was replaced on {on} by certificate {by} ({reason}). Ask the "
        "holder for the newer one.",
        "id": "Sertifikat ini diganti pada {on} dengan sertifikat {by} ({reason}). Mintalah "
        "sertifikat yang lebih baru kepada pemiliknya.",
    },
    "verify.nokeys": {
        "en": "This site publishes no programme key yet, so it cannot check any certificate.",
        "id": "Situs ini belum menerbitkan kunci program, jadi belum dapat memeriksa sertifikat "
        "apa pun.",
    },
    "verify.unsupported": {
        "en": "This browser cannot check signatures (Ed25519). Update it, or open this page in "
        "a recent Chrome, Firefox or Safari.",
        "id": "Peramban ini tidak dapat memeriksa tanda tangan (Ed25519). Perbarui peramban, "
        "atau buka halaman ini di Chrome, Firefox, atau Safari versi terbaru.",
    },
}
