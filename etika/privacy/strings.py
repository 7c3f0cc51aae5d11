"""Interface strings of the privacy chapter's demos, English and Bahasa Indonesia.

Merged into :data:`etika.strings.STRINGS`. Indonesian follows the glossary: *quasi-identifier* is
*kuasi-identifier*, *re-identification* is *identifikasi ulang*, *differential privacy* is
*privasi diferensial*, *generalisation* is *generalisasi*, *suppression* is *penahanan baris*.
"""

STRINGS: dict[str, dict[str, str]] = {
    "linkage.title": {
        "en": "Who is on the \u201canonymous\u201d list?",
        "id": "Siapa saja di daftar \u201canonim\u201d itu?",
    },
    "linkage.try": {
        "en": "The attacker joins the NGO's list with the village roster on the columns they "
        "share. Coarsen age and place, drop columns, then withhold small groups. What you should "
        "see: with exact age and the village, most people are re-identified; coarsening alone "
        "leaves k at 1; withholding groups smaller than 5 stops re-identification but costs rows; "
        "and no setting keeps exact counts of over-60s per village with nobody re-identified.",
        "id": "Penyerang menautkan daftar LSM dengan daftar warga desa pada kolom yang sama. "
        "Kasarkan usia dan tempat, buang kolom, lalu tahan kelompok kecil. Yang akan Anda lihat: "
        "dengan usia persis dan nama desa, sebagian besar orang teridentifikasi ulang; "
        "pengasaran saja membuat k tetap 1; menahan kelompok yang lebih kecil dari 5 menghentikan "
        "identifikasi ulang tetapi mengorbankan baris; dan tidak ada pengaturan yang tetap "
        "memberi hitungan tepat warga 60 tahun ke atas per desa tanpa ada yang teridentifikasi "
        "ulang.",
    },
    "linkage.age": {"en": "Age", "id": "Usia"},
    "linkage.age.exact": {"en": "exact", "id": "persis"},
    "linkage.age.band5": {"en": "5-year bands", "id": "kelompok 5 tahun"},
    "linkage.age.band10": {"en": "10-year bands", "id": "kelompok 10 tahun"},
    "linkage.age.dropped": {"en": "left out", "id": "tidak dicantumkan"},
    "linkage.place": {"en": "Place", "id": "Tempat"},
    "linkage.place.village": {"en": "village", "id": "desa"},
    "linkage.place.district": {"en": "district only", "id": "kecamatan saja"},
    "linkage.occupation": {"en": "Keep occupation", "id": "Cantumkan pekerjaan"},
    "linkage.household_size": {
        "en": "Keep household size",
        "id": "Cantumkan jumlah anggota rumah tangga",
    },
    "linkage.suppress": {
        "en": "Withhold rows in groups smaller than 5",
        "id": "Tahan baris dalam kelompok yang lebih kecil dari 5",
    },
    "linkage.col.measure": {"en": "Measure", "id": "Ukuran"},
    "linkage.col.value": {"en": "Value", "id": "Nilai"},
    "linkage.k": {"en": "k (smallest group)", "id": "k (kelompok terkecil)"},
    "linkage.reidentified": {
        "en": "Re-identified by name",
        "id": "Teridentifikasi ulang dengan nama",
    },
    "linkage.unique": {
        "en": "Alone in their group (k = 1)",
        "id": "Sendirian di kelompoknya (k = 1)",
    },
    "linkage.l": {
        "en": "l (fewest aid programmes in a group)",
        "id": "l (program bantuan paling sedikit dalam satu kelompok)",
    },
    "linkage.disclosed": {
        "en": "In a group where everyone gets the same programme",
        "id": "Di kelompok yang semua anggotanya menerima program yang sama",
    },
    "linkage.withheld": {"en": "Rows withheld", "id": "Baris yang ditahan"},
    "linkage.mean_group": {
        "en": "Average group size",
        "id": "Rata-rata ukuran kelompok",
    },
    "linkage.elderly": {
        "en": "Exact count of over-60s per village still possible",
        "id": "Hitungan tepat warga 60+ per desa masih bisa",
    },
    "linkage.nothing": {
        "en": "Every row is withheld: nothing is published.",
        "id": "Semua baris ditahan: tidak ada yang diterbitkan.",
    },
    "common.yes": {"en": "yes", "id": "ya"},
    "common.no": {"en": "no", "id": "tidak"},
    "status.linkage": {
        "en": "k = {k}; {reid} of {n} people re-identified; {withheld} rows withheld.",
        "id": "k = {k}; {reid} dari {n} orang teridentifikasi ulang; {withheld} baris ditahan.",
    },
    "dp_noise.title": {
        "en": "Noise for privacy: how much, and for whom?",
        "id": "Derau untuk privasi: berapa banyak, dan untuk siapa?",
    },
    "dp_noise.try": {
        "en": "Move \u03b5 (epsilon). What you should see: a small \u03b5 protects Ibu Sumarni "
        "(the attacker does little better than a coin toss) but the published counts are far "
        "off; a large \u03b5 gives counts a reader can use and lets the attacker guess right "
        "almost every time. The attacker's success never goes above the limit differential "
        "privacy promises.",
        "id": "Geser \u03b5 (epsilon). Yang akan Anda lihat: \u03b5 kecil melindungi Ibu Sumarni "
        "(penyerang hampir tidak lebih baik daripada melempar koin) tetapi hitungan yang "
        "diterbitkan meleset jauh; \u03b5 besar memberi hitungan yang bisa dipakai pembaca dan "
        "membuat penyerang hampir selalu menebak dengan benar. Keberhasilan penyerang tidak "
        "pernah melewati batas yang dijanjikan privasi diferensial.",
    },
    "dp_noise.epsilon": {"en": "Privacy budget \u03b5", "id": "Anggaran privasi \u03b5"},
    "dp_noise.none": {"en": "no noise", "id": "tanpa derau"},
    "dp_noise.error": {
        "en": "Average error of a published count",
        "id": "Rata-rata kesalahan satu hitungan yang diterbitkan",
    },
    "dp_noise.off3": {
        "en": "Published counts off by 3 or more",
        "id": "Hitungan terbit yang meleset 3 atau lebih",
    },
    "dp_noise.attack": {
        "en": "Differencing attack guesses right",
        "id": "Serangan selisih menebak dengan benar",
    },
    "dp_noise.bound": {
        "en": "Most any attacker can reach at this \u03b5",
        "id": "Paling tinggi yang dapat dicapai penyerang mana pun pada \u03b5 ini",
    },
    "dp_noise.village": {"en": "Village", "id": "Desa"},
    "dp_noise.true": {"en": "True count", "id": "Hitungan sebenarnya"},
    "dp_noise.published": {"en": "Published", "id": "Diterbitkan"},
    "dp_noise.table_caption": {
        "en": "Women heading a household who receive aid: one release (negative results shown "
        "as 0; rounding and clipping do not weaken the protection)",
        "id": "Perempuan kepala keluarga penerima bantuan: satu kali rilis (hasil negatif "
        "ditampilkan sebagai 0; pembulatan dan pemotongan tidak melemahkan perlindungan)",
    },
    "status.dp_noise": {
        "en": "\u03b5 {eps}: average error {error}; attack right {attack} of the time.",
        "id": "\u03b5 {eps}: rata-rata kesalahan {error}; serangan benar {attack} dari semua kali.",
    },
    "membership.title": {
        "en": "A model that remembers: who was in the training data?",
        "id": "Model yang mengingat: siapa yang ada di data latih?",
    },
    "membership.try": {
        "en": "Move the depth limit. What you should see: a shallow tree is right about as "
        "often on residents it has never seen as on those it was trained on, and the attacker "
        "does little better than a coin toss. Let the tree grow and it is right on almost "
        "every surveyed resident, worse on everyone else, and the attacker tells who was "
        "surveyed far more often.",
        "id": "Geser batas kedalaman. Yang akan Anda lihat: pohon yang dangkal sama seringnya "
        "benar pada warga yang belum pernah dilihatnya seperti pada warga yang dipakai untuk "
        "melatihnya, dan penyerang hampir tidak lebih baik daripada melempar koin. Biarkan "
        "pohon tumbuh, maka ia benar pada hampir semua warga yang disurvei, lebih buruk pada "
        "warga lain, dan penyerang jauh lebih sering tahu siapa yang disurvei.",
    },
    "membership.depth": {"en": "Depth limit of the tree", "id": "Batas kedalaman pohon"},
    "membership.no_limit": {"en": "no limit", "id": "tanpa batas"},
    "membership.train": {
        "en": "Right on the surveyed residents (its training data)",
        "id": "Benar pada warga yang disurvei (data latihnya)",
    },
    "membership.test": {
        "en": "Right on residents it has never seen",
        "id": "Benar pada warga yang belum pernah dilihatnya",
    },
    "membership.baseline": {
        "en": "Saying \u201cno aid\u201d for everyone is right",
        "id": "Menjawab \u201ctidak menerima bantuan\u201d untuk semua orang benar",
    },
    "membership.attack": {
        "en": "Attacker tells surveyed from not surveyed, right",
        "id": "Penyerang membedakan yang disurvei dari yang tidak, benar",
    },
    "membership.leaves": {
        "en": "Size of the tree (leaves)",
        "id": "Ukuran pohon (jumlah daun)",
    },
    "status.membership": {
        "en": "Depth limit: {depth}; right on new residents {test}; attacker right {attack} of the "
        "time.",
        "id": "Batas kedalaman: {depth}; benar pada warga baru {test}; penyerang benar {attack} "
        "dari semua kali.",
    },
    "privacy.data.evidence": {
        "en": "What the generated tables hold (seed {seed})",
        "id": "Isi tabel yang dibuat (seed {seed})",
    },
    "privacy.data.caption": {
        "en": "Residents and beneficiaries per village",
        "id": "Warga dan penerima bantuan per desa",
    },
    "privacy.data.col.district": {"en": "District", "id": "Kecamatan"},
    "privacy.data.col.village": {"en": "Village", "id": "Desa"},
    "privacy.data.col.residents": {"en": "Adult residents", "id": "Warga dewasa"},
    "privacy.data.col.listed": {"en": "On the aid list", "id": "Di daftar penerima"},
    "privacy.data.col.share": {"en": "Share receiving aid", "id": "Proporsi penerima"},
    "privacy.data.col.female_head": {
        "en": "Women heading a household, on the list",
        "id": "Perempuan kepala keluarga di daftar",
    },
}
