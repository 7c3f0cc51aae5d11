"""Interface strings of the transparency chapter's demos, English and Bahasa Indonesia.

Merged into :data:`etika.strings.STRINGS` (one grouped block at its end). Indonesian follows the
glossary: *explanation* is *penjelasan*, *counterfactual* is *kontrafaktual*, *recourse* is
*jalan pemulihan*, *permutation importance* is *kepentingan permutasi*, *model card* is *kartu
model*.
"""

STRINGS: dict[str, dict[str, str]] = {
    "explain_local.title": {
        "en": "Why was this application refused?",
        "id": "Mengapa pengajuan ini ditolak?",
    },
    "explain_local.try": {
        "en": "Pick an applicant, then try the changes below. What you should see: Sari is "
        "refused mostly because of her short credit history; selling on a marketplace alone "
        "flips her decision. Living in a town would flip Yohanes's refusal, but that is not "
        "something he can change.",
        "id": "Pilih seorang pemohon, lalu coba perubahan di bawah. Yang akan Anda lihat: Sari "
        "ditolak terutama karena riwayat kreditnya pendek; berjualan di marketplace saja sudah "
        "membalik keputusannya. Tinggal di kota akan membalik penolakan Yohanes, tetapi itu "
        "bukan hal yang dapat ia ubah.",
    },
    "explain_local.applicant": {"en": "Applicant", "id": "Pemohon"},
    "explain_local.revenue": {"en": "Monthly revenue", "id": "Omzet bulanan"},
    "explain_local.marketplace": {
        "en": "Start selling on a marketplace",
        "id": "Mulai berjualan di marketplace",
    },
    "explain_local.wait": {"en": "Years of waiting", "id": "Tahun menunggu"},
    "explain_local.urban": {
        "en": "Live in a town, not a village (cannot be changed)",
        "id": "Tinggal di kota, bukan desa (tidak dapat diubah)",
    },
    "explain_local.score": {"en": "Score", "id": "Skor"},
    "explain_local.decision": {"en": "Decision", "id": "Keputusan"},
    "explain_local.approved": {"en": "Approved", "id": "Disetujui"},
    "explain_local.refused": {"en": "Refused", "id": "Ditolak"},
    "explain_local.threshold_note": {
        "en": "The lender approves a score of {t} or more.",
        "id": "Pemberi pinjaman menyetujui skor {t} atau lebih.",
    },
    "explain_local.contrib_title": {
        "en": "What pushed the score up (+) or down (−), compared with an average applicant "
        "(log-odds)",
        "id": "Apa yang mendorong skor naik (+) atau turun (−), dibandingkan pemohon rata-rata "
        "(log-odds)",
    },
    "explain_local.alt": {
        "en": "Bar chart: each column's push on the applicant's score",
        "id": "Diagram batang: dorongan setiap kolom pada skor pemohon",
    },
    "explain_local.cannot": {"en": "cannot be changed", "id": "tidak dapat diubah"},
    "explain_local.smallest": {
        "en": "Smallest change that would approve {name}: {change}.",
        "id": "Perubahan terkecil yang membuat {name} disetujui: {change}.",
    },
    "explain_local.none_needed": {
        "en": "{name} is approved without any change.",
        "id": "{name} disetujui tanpa perubahan apa pun.",
    },
    "explain_local.none_found": {
        "en": "No change {name} can make in this demo approves the application.",
        "id": "Tidak ada perubahan dalam demo ini yang dapat dilakukan {name} agar disetujui.",
    },
    "explain_local.immutable_flip": {
        "en": "Living in a town instead of a village alone would approve {name}: the model "
        "holds against {name} something {name} cannot change.",
        "id": "Tinggal di kota, bukan di desa, saja sudah membuat {name} disetujui: model "
        "memberatkan {name} dengan sesuatu yang tidak dapat ia ubah.",
    },
    "explain_local.change.revenue": {
        "en": "monthly revenue {amount}",
        "id": "omzet bulanan {amount}",
    },
    "explain_local.change.marketplace": {
        "en": "selling on a marketplace",
        "id": "berjualan di marketplace",
    },
    "explain_local.change.wait1": {
        "en": "waiting a year while the business and its credit history grow",
        "id": "menunggu setahun sementara usaha dan riwayat kreditnya bertambah",
    },
    "explain_local.change.wait": {
        "en": "waiting {years} years while the business and its credit history grow",
        "id": "menunggu {years} tahun sementara usaha dan riwayat kreditnya bertambah",
    },
    "explain_local.no_op": {
        "en": "(already true for this applicant)",
        "id": "(sudah berlaku untuk pemohon ini)",
    },
    "status.explain_local": {
        "en": "{name}: score {score}, {decision}.",
        "id": "{name}: skor {score}, {decision}.",
    },
    "feature.age": {"en": "Age", "id": "Usia"},
    "feature.years_running": {"en": "Years in business", "id": "Lama usaha berjalan"},
    "feature.credit_history_years": {
        "en": "Formal credit history",
        "id": "Riwayat kredit formal",
    },
    "feature.log_revenue": {"en": "Monthly revenue", "id": "Omzet bulanan"},
    "feature.has_marketplace": {"en": "Sells on a marketplace", "id": "Berjualan di marketplace"},
    "feature.household_head": {"en": "Head of household", "id": "Kepala rumah tangga"},
    "feature.rural": {"en": "Lives in a village", "id": "Tinggal di desa"},
    "feature.business_type": {"en": "Kind of business", "id": "Jenis usaha"},
    "feature.province": {"en": "Province", "id": "Provinsi"},
    "explain_global.title": {
        "en": "What does the model rely on?",
        "id": "Model ini bergantung pada apa?",
    },
    "explain_global.try": {
        "en": "Switch the model family and the seed. What you should see: every model is about "
        "equally accurate, all rely most on formal credit history, a column in which women's "
        "past lack of access to loans is stored, and below the top two the order changes from "
        "model to model. The two columns that predict gender best have almost no importance.",
        "id": "Ganti jenis model dan seed. Yang akan Anda lihat: semua model kurang lebih sama "
        "akuratnya, semuanya paling bergantung pada riwayat kredit formal, kolom yang menyimpan "
        "kurangnya akses perempuan terhadap pinjaman di masa lalu, dan di bawah dua teratas "
        "urutannya berubah dari model ke model. Dua kolom yang paling baik memprediksi gender "
        "hampir tidak punya kepentingan.",
    },
    "explain_global.family": {"en": "Model family", "id": "Jenis model"},
    "explain_global.seed": {"en": "Random seed", "id": "Seed acak"},
    "explain_global.family.logistic": {"en": "Logistic regression", "id": "Regresi logistik"},
    "explain_global.family.boosting": {"en": "Gradient boosting", "id": "Gradient boosting"},
    "explain_global.family.forest": {"en": "Random forest", "id": "Random forest"},
    "explain_global.accuracy": {
        "en": "Held-out accuracy {accuracy}, area under the ROC curve {auc}.",
        "id": "Akurasi pada data uji {accuracy}, luas di bawah kurva ROC {auc}.",
    },
    "explain_global.col.feature": {"en": "Column", "id": "Kolom"},
    "explain_global.col.rank": {"en": "Rank", "id": "Peringkat"},
    "explain_global.col.importance": {
        "en": "Permutation importance (drop in AUC)",
        "id": "Kepentingan permutasi (penurunan AUC)",
    },
    "explain_global.col.gender_auc": {
        "en": "Predicts gender (AUC; 0.5 = not at all)",
        "id": "Memprediksi gender (AUC; 0,5 = sama sekali tidak)",
    },
    "explain_global.alt": {
        "en": "Bar chart: permutation importance of each column",
        "id": "Diagram batang: kepentingan permutasi setiap kolom",
    },
    "explain_global.chart_title": {
        "en": "Drop in held-out AUC when the column is shuffled",
        "id": "Penurunan AUC pada data uji saat kolom diacak",
    },
    "explain_global.pd_title": {
        "en": "Partial dependence: average score if every applicant had this {feature}",
        "id": "Ketergantungan parsial: skor rata-rata jika setiap pemohon memiliki {feature} ini",
    },
    "explain_global.pd.value": {"en": "Value", "id": "Nilai"},
    "explain_global.pd.score": {"en": "Average score", "id": "Skor rata-rata"},
    "status.explain_global": {
        "en": "{family}, seed {seed}: AUC {auc}; most important {first}, then {second}, "
        "then {third}.",
        "id": "{family}, seed {seed}: AUC {auc}; paling penting {first}, lalu {second}, "
        "lalu {third}.",
    },
    "model_card.title": {"en": "A model card you can read", "id": "Kartu model yang dapat dibaca"},
    "model_card.try": {
        "en": "Switch the audience. What you should see: the applicant's card says what "
        "decides, what they can change and how to object; the loan officer's card adds the "
        "threshold and the limits; the regulator's card adds the numbers per group and the "
        "data. Print it or save it as a PDF with the button.",
        "id": "Ganti pembacanya. Yang akan Anda lihat: kartu untuk pemohon menyebut apa yang "
        "menentukan, apa yang dapat mereka ubah dan cara mengajukan keberatan; kartu untuk "
        "petugas kredit menambahkan ambang batas dan keterbatasan; kartu untuk regulator "
        "menambahkan angka per kelompok dan datanya. Cetak atau simpan sebagai PDF dengan "
        "tombolnya.",
    },
    "model_card.audience": {"en": "Who reads it", "id": "Siapa pembacanya"},
    "model_card.audience.applicant": {"en": "Applicant", "id": "Pemohon"},
    "model_card.audience.officer": {"en": "Loan officer", "id": "Petugas kredit"},
    "model_card.audience.regulator": {"en": "Regulator", "id": "Regulator"},
    "model_card.print": {"en": "Print or save this card", "id": "Cetak atau simpan kartu ini"},
    "status.model_card": {
        "en": "Model card for: {audience}; {n} sections.",
        "id": "Kartu model untuk: {audience}; {n} bagian.",
    },
}

STRINGS |= {
    "model_card.heading": {
        "en": "Model card: micro-credit scoring model (course example)",
        "id": "Kartu model: model penilaian kredit mikro (contoh kursus)",
    },
    "model_card.section.purpose": {"en": "What it is for", "id": "Untuk apa"},
    "model_card.text.purpose": {
        "en": "It scores loan applications from small businesses (UMKM) between 0 and 1. It "
        "was trained on past loan officers' decisions, so it predicts what an officer would "
        "have decided, not whether you will repay.",
        "id": "Model ini memberi skor antara 0 dan 1 pada pengajuan pinjaman dari usaha kecil "
        "(UMKM). Model dilatih dengan keputusan petugas kredit di masa lalu, jadi ia "
        "memprediksi apa yang akan diputuskan petugas, bukan apakah Anda akan melunasi.",
    },
    "model_card.section.decides": {"en": "What decides", "id": "Apa yang menentukan"},
    "model_card.text.decides": {
        "en": "It uses your business figures, formal credit history, area, province, kind "
        "of business and head-of-household status; not your gender. It relies most on "
        "{first}, then {second}.",
        "id": "Model memakai angka usaha Anda, riwayat kredit formal, wilayah, provinsi, jenis "
        "usaha dan status kepala rumah tangga; bukan gender Anda. Model paling bergantung pada "
        "{first}, lalu {second}.",
    },
    "model_card.section.change": {
        "en": "What you can and cannot change",
        "id": "Apa yang dapat dan tidak dapat Anda ubah",
    },
    "model_card.text.change": {
        "en": "More monthly revenue, selling on a marketplace and a longer credit history "
        "raise the score. Your age, your village or town, your province and your family's "
        "situation also move it, and you cannot change them.",
        "id": "Omzet bulanan yang lebih tinggi, berjualan di marketplace dan riwayat kredit "
        "yang lebih panjang menaikkan skor. Usia, desa atau kota, provinsi dan keadaan "
        "keluarga Anda juga menggesernya, dan semua itu tidak dapat Anda ubah.",
    },
    "model_card.section.object": {
        "en": "Your right to object",
        "id": "Hak Anda untuk mengajukan keberatan",
    },
    "model_card.text.object": {
        "en": "You may object to a decision based only on automated processing that "
        "significantly affects you (UU No. 27 Tahun 2022, Pasal 10 ayat (1)), and ask for "
        "your data and their correction (Pasal 6, 7). Ask for a person to review it.",
        "id": "Anda berhak mengajukan keberatan atas keputusan yang hanya didasarkan pada "
        "pemrosesan otomatis dan berdampak signifikan bagi Anda (UU No. 27 Tahun 2022, Pasal "
        "10 ayat (1)), serta meminta data Anda dan perbaikannya (Pasal 6, 7). Mintalah "
        "seseorang meninjaunya.",
    },
    "model_card.section.threshold": {
        "en": "How the score is used",
        "id": "Cara skor dipakai",
    },
    "model_card.text.threshold": {
        "en": "Approve at a score of {t} or more. On held-out applications it agrees with "
        "the past officers {accuracy} of the time (area under the ROC curve {auc}). A person "
        "reviews every refusal the applicant objects to.",
        "id": "Setujui pada skor {t} atau lebih. Pada pengajuan data uji, model sama dengan "
        "keputusan petugas masa lalu pada {accuracy} kasus (luas di bawah kurva ROC {auc}). "
        "Seseorang meninjau setiap penolakan yang diajukan keberatannya oleh pemohon.",
    },
    "model_card.section.limits": {
        "en": "Limits and known problems",
        "id": "Keterbatasan dan masalah yang diketahui",
    },
    "model_card.text.limits": {
        "en": "It learned the past officers' bias against women and rural applicants. Formal "
        "credit history, its most important column, is shorter for women who repaid "
        "({history_female} years on average) than for men who repaid ({history_male}). Do not "
        "use it without measuring its outcomes per group.",
        "id": "Model mempelajari bias petugas masa lalu terhadap perempuan dan pemohon "
        "perdesaan. Riwayat kredit formal, kolomnya yang paling penting, lebih pendek bagi "
        "perempuan yang melunasi (rata-rata {history_female} tahun) daripada bagi laki-laki "
        "yang melunasi ({history_male}). Jangan dipakai tanpa mengukur hasilnya per kelompok.",
    },
    "model_card.section.groups": {"en": "Results per group", "id": "Hasil per kelompok"},
    "model_card.text.groups": {
        "en": "Held-out applications, approval at {t}; true-positive rate against who really "
        "repaid.",
        "id": "Pengajuan data uji, persetujuan pada {t}; tingkat positif benar terhadap siapa "
        "yang benar-benar melunasi.",
    },
    "model_card.section.data": {"en": "Data", "id": "Data"},
    "model_card.text.data": {
        "en": "Synthetic micro-credit applications made for this course ({n_train} to train, "
        "{n_test} held out), with biases planted on purpose; see the datasheet. A real "
        "lender must also assess the processing's impact on people's data (UU No. 27 Tahun "
        "2022, Pasal 34).",
        "id": "Pengajuan kredit mikro sintetis yang dibuat untuk kursus ini ({n_train} untuk "
        "melatih, {n_test} untuk menguji), dengan bias yang sengaja ditanamkan; lihat "
        "lembar datanya. Pemberi pinjaman sungguhan juga wajib menilai dampak pemrosesan "
        "terhadap data pribadi orang (UU No. 27 Tahun 2022, Pasal 34).",
    },
    "model_card.section.contact": {"en": "Who to contact", "id": "Siapa yang dihubungi"},
    "model_card.text.contact": {
        "en": "The lender's complaints desk and its data-protection officer (in this course "
        "example, made up).",
        "id": "Layanan pengaduan pemberi pinjaman dan pejabat pelindungan data pribadinya "
        "(dalam contoh kursus ini, rekaan).",
    },
}
