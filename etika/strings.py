"""Every string that course code shows to a learner, in English and Bahasa Indonesia.

Keys are grouped by the module that uses them (``common.``, ``threshold.``, ``proxy.`` …).
Indonesian follows the course glossary (``book/glossary.md``): e.g. *fairness* is
*keadilan*, *selection rate* is *tingkat seleksi*, *threshold* is *ambang batas*.
"""

STRINGS: dict[str, dict[str, str]] = {
    "data.section.motivation": {"en": "Motivation", "id": "Motivasi"},
    "data.section.composition": {"en": "Composition", "id": "Komposisi"},
    "data.section.collection": {"en": "How it was generated", "id": "Cara data dibuat"},
    "data.section.uses": {"en": "Intended uses", "id": "Kegunaan yang dimaksud"},
    "data.section.biases": {
        "en": "Biases planted on purpose",
        "id": "Bias yang sengaja ditanamkan",
    },
    "data.section.evidence": {
        "en": "What the generated data shows (seed {seed})",
        "id": "Apa yang ditunjukkan data yang dihasilkan (seed {seed})",
    },
    "data.bias.kind": {"en": "Kind of bias", "id": "Jenis bias"},
    "data.bias.column": {"en": "Column(s)", "id": "Kolom"},
    "data.bias.description": {"en": "What was planted", "id": "Apa yang ditanamkan"},
    "data.kind.historical": {"en": "Historical", "id": "Historis"},
    "data.kind.representation": {"en": "Representation", "id": "Keterwakilan"},
    "data.kind.label": {"en": "Label", "id": "Label"},
    "data.kind.proxy": {"en": "Proxy", "id": "Proksi"},
    "data.kind.measurement": {"en": "Measurement", "id": "Pengukuran"},
    "data.col.group": {"en": "Group", "id": "Kelompok"},
    "data.col.count": {"en": "Rows", "id": "Jumlah baris"},
    "data.col.share": {"en": "Share of sample", "id": "Proporsi sampel"},
    "data.col.outcome": {"en": "True outcome ({column})", "id": "Hasil sebenarnya ({column})"},
    "data.col.decision": {"en": "Past decision ({column})", "id": "Keputusan masa lalu ({column})"},
    "data.col.history": {"en": "Mean {column} (years)", "id": "Rata-rata {column} (tahun)"},
    "data.group.female": {"en": "Women", "id": "Perempuan"},
    "data.group.male": {"en": "Men", "id": "Laki-laki"},
    "data.group.urban": {"en": "Urban", "id": "Perkotaan"},
    "data.group.rural": {"en": "Rural", "id": "Perdesaan"},
    "common.group": {"en": "Group", "id": "Kelompok"},
    "common.women": {"en": "Women", "id": "Perempuan"},
    "common.men": {"en": "Men", "id": "Laki-laki"},
    "common.urban": {"en": "Urban", "id": "Perkotaan"},
    "common.rural": {"en": "Rural", "id": "Perdesaan"},
    "common.gap": {"en": "Gap", "id": "Selisih"},
    "book.tagline": {
        "en": "An open, hands-on course on responsible AI.",
        "id": "Kursus terbuka dan praktis tentang AI yang bertanggung jawab.",
    },
    # metric names (etika.demos, etika.fairness)
    "metric.selection_rate": {"en": "Selection rate", "id": "Tingkat seleksi"},
    "metric.tpr": {"en": "True-positive rate (TPR)", "id": "Tingkat positif benar (TPR)"},
    "metric.fpr": {"en": "False-positive rate (FPR)", "id": "Tingkat positif palsu (FPR)"},
    "metric.fnr": {"en": "False-negative rate (FNR)", "id": "Tingkat negatif palsu (FNR)"},
    "metric.precision": {"en": "Precision", "id": "Presisi"},
    "metric.base_rate": {"en": "Base rate (repaid)", "id": "Tingkat dasar (melunasi)"},
    "metric.error_rate": {"en": "Error rate", "id": "Tingkat kesalahan"},
    "metric.accuracy": {"en": "Accuracy", "id": "Akurasi"},
    "metric.count": {"en": "Applicants", "id": "Jumlah pemohon"},
    # confusion matrix
    "cm.title": {"en": "Confusion matrix: {group}", "id": "Matriks konfusi: {group}"},
    "cm.approved": {"en": "Approved", "id": "Disetujui"},
    "cm.rejected": {"en": "Rejected", "id": "Ditolak"},
    "cm.repaid": {"en": "Would repay", "id": "Akan melunasi"},
    "cm.not_repaid": {"en": "Would not repay", "id": "Tidak akan melunasi"},
    # threshold demo
    "threshold.title": {
        "en": "Threshold explorer: who gets a micro-credit loan?",
        "id": "Penjelajah ambang batas: siapa yang mendapat kredit mikro?",
    },
    "threshold.shared": {"en": "Threshold (both groups)", "id": "Ambang batas (kedua kelompok)"},
    "threshold.per_group": {
        "en": "Use a separate threshold for each group",
        "id": "Pakai ambang batas terpisah untuk tiap kelompok",
    },
    "threshold.women": {"en": "Threshold for women", "id": "Ambang batas untuk perempuan"},
    "threshold.men": {"en": "Threshold for men", "id": "Ambang batas untuk laki-laki"},
    "threshold.label": {"en": "Model learned from", "id": "Model belajar dari"},
    "threshold.label.approved_past": {
        "en": "past officers' decisions",
        "id": "keputusan petugas terdahulu",
    },
    "threshold.label.repaid": {
        "en": "actual repayment",
        "id": "pelunasan sebenarnya",
    },
    "threshold.alt": {
        "en": "Bar chart of selection rate, TPR, FPR and precision for women and men at the "
        "chosen thresholds.",
        "id": "Diagram batang tingkat seleksi, TPR, FPR dan presisi untuk perempuan dan "
        "laki-laki pada ambang batas yang dipilih.",
    },
    "threshold.try": {
        "en": "What to try: move the threshold, then tick the box and lower the threshold for "
        "women until both selection rates are about equal. What you should see: the selection "
        "rates meet, but the TPR, FPR and precision of the two groups still differ. When the "
        "groups repay at different rates, no choice of thresholds makes every rate equal.",
        "id": "Yang bisa dicoba: geser ambang batas, lalu centang kotak dan turunkan ambang "
        "batas untuk perempuan sampai tingkat seleksi kedua kelompok kira-kira sama. Yang akan "
        "terlihat: tingkat seleksi menjadi sama, tetapi TPR, FPR dan presisi kedua kelompok "
        "tetap berbeda. Jika tingkat pelunasan kelompok berbeda, tidak ada pilihan ambang "
        "batas yang membuat semua tingkat sama.",
    },
    "threshold.histogram": {
        "en": "Scores given by the model (number of applicants per score band)",
        "id": "Skor yang diberikan model (jumlah pemohon per rentang skor)",
    },
    # proxy demo
    "proxy.title": {
        "en": "Does removing the gender column close the gap?",
        "id": "Apakah menghapus kolom gender menghilangkan selisih?",
    },
    "proxy.threshold": {"en": "Threshold", "id": "Ambang batas"},
    "proxy.with_gender": {"en": "Model with gender", "id": "Model dengan gender"},
    "proxy.without_gender": {"en": "Model without gender", "id": "Model tanpa gender"},
    "proxy.show_with": {
        "en": "Also show the model that uses the gender column",
        "id": "Tampilkan juga model yang memakai kolom gender",
    },
    "proxy.strength": {
        "en": "Kind of business and head-of-household alone guess gender right for "
        "{accuracy:.0%} of applicants (AUC {auc:.2f}; always guessing the larger group: "
        "{majority:.0%}).",
        "id": "Jenis usaha dan status kepala rumah tangga saja sudah menebak gender dengan "
        "benar untuk {accuracy:.0%} pemohon (AUC {auc:.2f}; selalu menebak kelompok terbesar: "
        "{majority:.0%}).",
    },
    "proxy.alt": {
        "en": "Bar chart of the selection rate of women and men, for the model with and "
        "without the gender column.",
        "id": "Diagram batang tingkat seleksi perempuan dan laki-laki, untuk model dengan dan "
        "tanpa kolom gender.",
    },
    "proxy.try": {
        "en": "What to try: move the threshold and compare the two models. What you should "
        "see: without the gender column the gap between men and women shrinks only a little, "
        "because kind of business, head of household and credit history carry gender.",
        "id": "Yang bisa dicoba: geser ambang batas dan bandingkan kedua model. Yang akan "
        "terlihat: tanpa kolom gender, selisih antara laki-laki dan perempuan hanya sedikit "
        "mengecil, karena jenis usaha, kepala rumah tangga dan riwayat kredit membawa "
        "informasi gender.",
    },
    # representation demo
    "representation.title": {
        "en": "How many rural applicants did the model learn from?",
        "id": "Dari berapa banyak pemohon perdesaan model belajar?",
    },
    "representation.share": {
        "en": "Share of rural applicants in the training data",
        "id": "Proporsi pemohon perdesaan dalam data latih",
    },
    "representation.metric": {"en": "Measure", "id": "Ukuran"},
    "representation.alt": {
        "en": "Line chart of the chosen error measure for urban and rural applicants (vertical "
        "axis) against the share of rural applicants in the training data (horizontal axis).",
        "id": "Diagram garis ukuran kesalahan yang dipilih untuk pemohon perkotaan dan "
        "perdesaan (sumbu tegak) terhadap proporsi pemohon perdesaan dalam data latih (sumbu "
        "datar).",
    },
    "representation.try": {
        "en": "What to try: move the slider from 5% to 50% rural applicants in the training "
        "data. What you should see: the error rate for rural applicants falls as they are "
        "better represented, while the urban error rate changes little.",
        "id": "Yang bisa dicoba: geser penggeser dari 5% ke 50% pemohon perdesaan dalam data "
        "latih. Yang akan terlihat: tingkat kesalahan untuk pemohon perdesaan turun ketika "
        "mereka lebih terwakili, sedangkan tingkat kesalahan perkotaan hampir tidak berubah.",
    },
    # quiz
    "quiz.title": {"en": "Check your understanding", "id": "Uji pemahaman Anda"},
    "quiz.correct": {"en": "Correct.", "id": "Benar."},
    "quiz.incorrect": {"en": "Not quite.", "id": "Belum tepat."},
    "quiz.check": {"en": "Check", "id": "Periksa"},
    "quiz.choose_one": {"en": "Choose one answer.", "id": "Pilih satu jawaban."},
    "quiz.choose_all": {
        "en": "Choose every answer that applies.",
        "id": "Pilih semua jawaban yang benar.",
    },
    "quiz.none_selected": {"en": "Choose an answer first.", "id": "Pilih jawaban terlebih dahulu."},
    "quiz.question": {"en": "Question {n}", "id": "Pertanyaan {n}"},
    "quiz.applies": {"en": "Yes, this one applies.", "id": "Ya, jawaban ini benar."},
    "quiz.does_not_apply": {
        "en": "No, this one does not apply.",
        "id": "Bukan, jawaban ini tidak tepat.",
    },
    "quiz.missed": {
        "en": "Not every answer that applies is ticked yet: look again at the others.",
        "id": "Masih ada jawaban benar yang belum Anda centang: periksa lagi pilihan lainnya.",
    },
    "quiz.all_found": {
        "en": "You have ticked every answer that applies, and only those.",
        "id": "Anda sudah mencentang semua jawaban yang benar, dan hanya itu.",
    },
    # bias chapter tables on the pages (etika.bias_chapter); the content engineer's keys
    "table.group": {"en": "Group", "id": "Kelompok"},
    "table.score_band": {"en": "Score band", "id": "Rentang skor"},
    "table.mean_score": {"en": "Average score", "id": "Skor rata-rata"},
    "table.repay_share": {
        "en": "Share who would repay",
        "id": "Proporsi yang akan melunasi",
    },
    "table.measure": {"en": "Measure", "id": "Ukuran"},
    "table.gap_pp": {
        "en": "Gap (percentage points)",
        "id": "Selisih (poin persentase)",
    },
    "table.caption.calibration": {
        "en": "Average score and actual repayment, per score band and group (model learned "
        "from past officers' decisions, test set).",
        "id": "Skor rata-rata dan pelunasan sebenarnya, per rentang skor dan kelompok (model "
        "belajar dari keputusan petugas terdahulu, data uji).",
    },
    "table.caption.rates": {
        "en": "The four rates for each group at a threshold of {threshold}, and the gap.",
        "id": "Keempat tingkat untuk setiap kelompok pada ambang batas {threshold}, dan "
        "selisihnya.",
    },
    # datasheet pages: the first rows, in words (etika.datasheets.first_rows_markdown)
    "data.first.column": {"en": "Column", "id": "Kolom"},
    "data.caption.biases": {
        "en": "The biases put into this data set on purpose, and the columns that carry them.",
        "id": "Bias yang sengaja dimasukkan ke dalam kumpulan data ini, dan kolom yang membawanya.",
    },
    "data.caption.evidence": {
        "en": "Each group in the {n} generated rows: its share, its true outcome and its past "
        "decisions.",
        "id": "Setiap kelompok dalam {n} baris data yang dihasilkan: proporsinya, hasil "
        "sebenarnya, dan keputusan masa lalunya.",
    },
    "data.first.row": {"en": "Row {n}", "id": "Baris {n}"},
    "data.first.caption": {
        "en": "The first {n} rows of the generated data (seed {seed}), one column per row.",
        "id": "{n} baris pertama data yang dibuat (seed {seed}), satu kolom per baris tabel.",
    },
    "data.value.yes": {"en": "yes", "id": "ya"},
    "data.value.no": {"en": "no", "id": "tidak"},
    "data.value.female": {"en": "woman", "id": "perempuan"},
    "data.value.male": {"en": "man", "id": "laki-laki"},
    "data.value.urban": {"en": "urban", "id": "perkotaan"},
    "data.value.rural": {"en": "rural", "id": "perdesaan"},
    "data.value.food_stall": {"en": "food stall (warung)", "id": "warung makan"},
    "data.value.catering": {"en": "catering", "id": "katering"},
    "data.value.tailoring": {"en": "tailoring", "id": "menjahit"},
    "data.value.handicraft": {"en": "handicraft", "id": "kerajinan tangan"},
    "data.value.online_shop": {"en": "online shop", "id": "toko daring"},
    "data.value.farm_produce": {"en": "farm produce", "id": "hasil tani"},
    "data.value.repair_shop": {"en": "repair shop (bengkel)", "id": "bengkel"},
    "data.value.transport": {
        "en": "transport (ojek, delivery)",
        "id": "transportasi (ojek, antar)",
    },
    "data.value.primary": {"en": "primary school (SD)", "id": "SD"},
    "data.value.junior_secondary": {"en": "junior secondary (SMP)", "id": "SMP"},
    "data.value.senior_secondary": {"en": "senior secondary (SMA/SMK)", "id": "SMA/SMK"},
    "data.value.diploma": {"en": "diploma (D3)", "id": "diploma (D3)"},
    "data.value.bachelor": {"en": "bachelor's degree (S1)", "id": "sarjana (S1)"},
    "data.value.rupiah": {"en": "Rp{amount}", "id": "Rp{amount}"},
    "data.value.years": {"en": "{value} years", "id": "{value} tahun"},
    "data.meaning.applicant_id": {
        "en": "Running number of the application",
        "id": "Nomor urut pengajuan",
    },
    "data.meaning.gender": {"en": "Gender of the applicant", "id": "Gender pemohon"},
    "data.meaning.age": {"en": "Age in years", "id": "Usia dalam tahun"},
    "data.meaning.province": {"en": "Province", "id": "Provinsi"},
    "data.meaning.area": {"en": "Urban or rural area", "id": "Wilayah perkotaan atau perdesaan"},
    "data.meaning.household_head": {
        "en": "Registered as head of the household",
        "id": "Tercatat sebagai kepala rumah tangga",
    },
    "data.meaning.business_type": {"en": "Kind of business", "id": "Jenis usaha"},
    "data.meaning.years_running": {
        "en": "How long the business has run",
        "id": "Lama usaha berjalan",
    },
    "data.meaning.monthly_revenue_idr": {"en": "Monthly revenue", "id": "Omzet bulanan"},
    "data.meaning.credit_history_years": {
        "en": "Length of formal credit history",
        "id": "Lama riwayat kredit formal",
    },
    "data.meaning.has_marketplace": {
        "en": "Sells on an online marketplace",
        "id": "Berjualan di marketplace daring",
    },
    "data.meaning.repaid": {
        "en": "Would repay the loan (true outcome)",
        "id": "Akan melunasi pinjaman (hasil sebenarnya)",
    },
    "data.meaning.approved_past": {
        "en": "Approved by a past loan officer",
        "id": "Disetujui petugas kredit terdahulu",
    },
    "data.meaning.education": {"en": "Highest education", "id": "Pendidikan terakhir"},
    "data.meaning.has_smartphone": {"en": "Owns a smartphone", "id": "Memiliki ponsel pintar"},
    "data.meaning.prior_online_course": {
        "en": "Has taken an online course before",
        "id": "Pernah mengikuti kursus daring",
    },
    "data.meaning.caregiving_gap_years": {
        "en": "Time out of work to care for family",
        "id": "Lama berhenti bekerja untuk mengasuh keluarga",
    },
    "data.meaning.selected_past": {
        "en": "Selected by past organisers",
        "id": "Dipilih panitia terdahulu",
    },
    "data.meaning.completed": {
        "en": "Would complete the training (true outcome)",
        "id": "Akan menyelesaikan pelatihan (hasil sebenarnya)",
    },
    # demo number formats and score histogram (etika.demos.render, etika-demos.js)
    "unit.pp": {"en": "pp", "id": "poin"},
    "threshold.hist.x": {"en": "Score given by the model", "id": "Skor dari model"},
    "threshold.hist.y": {"en": "Share of the group", "id": "Proporsi kelompok"},
    "threshold.hist.line": {"en": "Threshold", "id": "Ambang batas"},
    "threshold.hist.alt": {
        "en": "Histogram of the model's scores for women (solid bars) and men (hatched bars): "
        "the share of each group in each score band. Vertical dashed lines mark the "
        "thresholds; applicants at or above a line are approved.",
        "id": "Histogram skor model untuk perempuan (batang penuh) dan laki-laki (batang "
        "bergaris): proporsi tiap kelompok di setiap rentang skor. Garis putus-putus tegak "
        "menandai ambang batas; pemohon pada atau di atas garis disetujui.",
    },
    "proxy.strength_text": {
        "en": "Kind of business and head-of-household alone guess gender right for "
        "{accuracy} of applicants (AUC {auc}; always guessing the larger group: {majority}).",
        "id": "Jenis usaha dan status kepala rumah tangga saja sudah menebak gender dengan "
        "benar untuk {accuracy} pemohon (AUC {auc}; selalu menebak kelompok terbesar: "
        "{majority}).",
    },
    # demo status sentences: what a screen reader hears after a control changes (the demos'
    # small aria-live region; etika.demos.widgets *.status, etika-demos.js)
    "status.threshold.shared": {
        "en": "Threshold {t}: selection rate women {f}, men {m}; gap {gap}.",
        "id": "Ambang batas {t}: tingkat seleksi perempuan {f}, laki-laki {m}; selisih {gap}.",
    },
    "status.threshold.per_group": {
        "en": "Thresholds women {tf}, men {tm}: selection rate women {f}, men {m}; gap {gap}.",
        "id": "Ambang batas perempuan {tf}, laki-laki {tm}: tingkat seleksi perempuan {f}, "
        "laki-laki {m}; selisih {gap}.",
    },
    "status.proxy.both": {
        "en": "Threshold {t}: men's minus women's selection rate {with_gender} with the gender "
        "column, {without_gender} without it.",
        "id": "Ambang batas {t}: tingkat seleksi laki-laki dikurangi perempuan {with_gender} "
        "dengan kolom gender, {without_gender} tanpa kolom gender.",
    },
    "status.proxy.without": {
        "en": "Threshold {t}: men's minus women's selection rate {without_gender} without the "
        "gender column.",
        "id": "Ambang batas {t}: tingkat seleksi laki-laki dikurangi perempuan "
        "{without_gender} tanpa kolom gender.",
    },
    "status.representation": {
        "en": "{share} rural applicants in training: {metric} rural {rural}, urban {urban}.",
        "id": "{share} pemohon perdesaan dalam data latih: {metric} perdesaan {rural}, "
        "perkotaan {urban}.",
    },
}


# --- the later chapters' (and the verify page's) strings live beside their code ------------
def _merge(table: dict[str, dict[str, str]]) -> None:
    for key in table:
        if key in STRINGS:
            raise KeyError(f"UI string {key!r} is defined twice")
    STRINGS.update(table)


from etika.certificate_strings import STRINGS as _CERTIFICATES  # noqa: E402 (issue 18)
from etika.mitigation.strings import STRINGS as _MITIGATION  # noqa: E402 (issue 16)
from etika.privacy.strings import STRINGS as _PRIVACY  # noqa: E402 (issue 15)
from etika.transparency.strings import STRINGS as _TRANSPARENCY  # noqa: E402 (issue 14)

for _table in (_TRANSPARENCY, _CERTIFICATES, _PRIVACY, _MITIGATION):
    _merge(_table)
