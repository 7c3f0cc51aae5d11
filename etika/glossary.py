"""The course glossary, in English and Bahasa Indonesia side by side.

``book/glossary.md`` shows it with :func:`glossary_markdown`: on the English page the headwords
are English, each with the Indonesian term this course uses; on the Indonesian page the
headwords are the Indonesian terms, each with its English original, and the list is sorted by
the Indonesian headword (a glossary translated through gettext would keep the English order).
Every chapter page uses the Indonesian term given here (``tests/book/test_terminology.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from etika.i18n import current_language

__all__ = ["GLOSSARY", "Entry", "glossary_markdown"]


@dataclass(frozen=True)
class Entry:
    """One glossary entry: the term and its definition in each language."""

    term_en: str
    term_id: str
    definition_en: str
    definition_id: str

    def term(self, lang: str) -> str:
        return self.term_id if lang == "id" else self.term_en

    def other_term(self, lang: str) -> str:
        return self.term_en if lang == "id" else self.term_id

    def definition(self, lang: str) -> str:
        return self.definition_id if lang == "id" else self.definition_en


GLOSSARY: tuple[Entry, ...] = (
    Entry(
        "Artificial intelligence (AI)",
        "Kecerdasan artifisial (AI)",
        (
            "Computer systems that perform tasks such as predicting, classifying, recommending or"
            " generating text, by learning patterns from data rather than following rules written"
            " one by one."
        ),
        (
            "Sistem komputer yang melakukan tugas seperti memprediksi, mengklasifikasi, "
            "merekomendasikan, atau menghasilkan teks, dengan mempelajari pola dari data, bukan "
            "dengan mengikuti aturan yang ditulis satu per satu."
        ),
    ),
    Entry(
        "Model",
        "Model",
        (
            "The part of an AI system that has learned from data and turns an input (for example "
            "a loan application) into an output (for example a score or a decision)."
        ),
        (
            "Bagian dari sistem AI yang telah belajar dari data dan mengubah masukan (misalnya "
            "permohonan pinjaman) menjadi keluaran (misalnya skor atau keputusan)."
        ),
    ),
    Entry(
        "Classifier",
        "Pengklasifikasi",
        (
            'A model that puts each case into one of a few classes, for example "approve" or '
            '"reject".'
        ),
        (
            "Model yang memasukkan setiap kasus ke salah satu dari beberapa kelas, misalnya "
            '"setujui" atau "tolak".'
        ),
    ),
    Entry(
        "Training data",
        "Data latih",
        (
            "The examples a model learns from. A model repeats the patterns in them, including "
            "unfair ones; choices made around the model, such as its threshold, also change how "
            "fairly it treats people."
        ),
        (
            "Contoh-contoh yang dipelajari model. Model mengulang pola di dalamnya, termasuk pola"
            " yang tidak adil; pilihan di sekitar model, seperti ambang batasnya, juga mengubah "
            "seberapa adil model memperlakukan orang."
        ),
    ),
    Entry(
        "Bias",
        "Bias",
        (
            "A systematic difference in how a system treats, or how well it works for, different "
            "groups of people. In this course bias is something we *assess* and *mitigate*; no "
            'model is ever simply "unbiased".'
        ),
        (
            "Perbedaan sistematis dalam cara sebuah sistem memperlakukan kelompok orang yang "
            "berbeda, atau dalam seberapa baik sistem itu bekerja bagi mereka. Dalam kursus ini "
            "bias adalah sesuatu yang kita *nilai* dan *mitigasi*; tidak ada model yang begitu "
            'saja "bebas bias".'
        ),
    ),
    Entry(
        "Fairness",
        "Keadilan",
        (
            "The question of whether a system's benefits and harms are shared justly between "
            "people and groups. There are several measurable notions of fairness, and they can "
            "conflict."
        ),
        (
            "Pertanyaan apakah manfaat dan kerugian dari sebuah sistem terbagi secara adil di "
            "antara orang dan kelompok. Ada beberapa pengertian keadilan yang dapat diukur, dan "
            "pengertian-pengertian itu bisa saling bertentangan."
        ),
    ),
    Entry(
        "Personal data",
        "Data pribadi",
        (
            "Data about a person who is identified or can be identified, alone or combined with "
            "other data (Indonesia's Law No. 27 of 2022 on Personal Data Protection, Article 1 "
            "point 1)."
        ),
        (
            "Data tentang orang perseorangan yang teridentifikasi atau dapat diidentifikasi, "
            "secara tersendiri atau dikombinasikan dengan informasi lain (Undang-Undang Nomor 27 "
            "Tahun 2022 tentang Pelindungan Data Pribadi, Pasal 1 angka 1)."
        ),
    ),
    Entry(
        "Transparency",
        "Transparansi",
        (
            "Being open about what an AI system is for, what data it uses, how it reaches its "
            "outputs and how well it works, so that the people affected can understand and "
            "question it."
        ),
        (
            "Keterbukaan tentang untuk apa sebuah sistem AI dibuat, data apa yang dipakainya, "
            "bagaimana ia menghasilkan keluarannya, dan seberapa baik ia bekerja, sehingga orang "
            "yang terdampak dapat memahami dan mempertanyakannya."
        ),
    ),
    Entry(
        "Aggregation bias",
        "Bias agregasi",
        (
            "Error that arises when one model is used for groups whose situation differs: the one"
            " pattern it learns may fit none of the groups well."
        ),
        (
            "Kesalahan yang muncul ketika satu model dipakai untuk kelompok-kelompok yang "
            "keadaannya berbeda: satu pola yang dipelajarinya bisa saja tidak cocok untuk "
            "kelompok mana pun."
        ),
    ),
    Entry(
        "Accuracy",
        "Akurasi",
        (
            "The share of all a classifier's decisions that are right (true positives and true "
            "negatives together). One overall accuracy can hide a group for which the classifier "
            "is often wrong."
        ),
        (
            "Proporsi semua keputusan pengklasifikasi yang benar (positif benar dan negatif benar"
            " bersama-sama). Satu angka akurasi keseluruhan dapat menyembunyikan kelompok yang "
            "sering dikelirukan oleh pengklasifikasi."
        ),
    ),
    Entry(
        "AUC (area under the ROC curve)",
        "AUC (luas di bawah kurva ROC)",
        (
            "How well a score ranks cases: the chance that a randomly chosen positive case gets a"
            " higher score than a randomly chosen negative one. Guessing at random gives one "
            "half; a perfect ranking gives one."
        ),
        (
            "Seberapa baik suatu skor mengurutkan kasus: peluang bahwa kasus positif yang dipilih"
            " acak mendapat skor lebih tinggi daripada kasus negatif yang dipilih acak. Tebakan "
            "acak menghasilkan setengah; urutan yang sempurna menghasilkan satu."
        ),
    ),
    Entry(
        "Base rate",
        "Tingkat dasar",
        (
            "The share of a group for whom the outcome is positive, for example the share of "
            "women applicants who would repay a loan."
        ),
        (
            "Proporsi anggota suatu kelompok yang hasilnya positif, misalnya proporsi pemohon "
            "perempuan yang akan melunasi pinjaman."
        ),
    ),
    Entry(
        "Calibration within groups",
        "Kalibrasi dalam kelompok",
        (
            "A score means the same in every group: among people given a score of 0.7, about 70% "
            "have the positive outcome, whatever their group."
        ),
        (
            "Sebuah skor bermakna sama di setiap kelompok: di antara orang yang diberi skor 0,7, "
            "sekitar 70% memperoleh hasil positif, apa pun kelompoknya."
        ),
    ),
    Entry(
        "Confusion matrix",
        "Matriks konfusi",
        (
            "A table of a classifier's decisions against what really happened: true positives, "
            "false positives, false negatives and true negatives."
        ),
        (
            "Tabel yang membandingkan keputusan pengklasifikasi dengan apa yang sebenarnya "
            "terjadi: positif benar, positif palsu, negatif palsu, dan negatif benar."
        ),
    ),
    Entry(
        "Datasheet",
        "Lembar data (datasheet)",
        (
            "A document that says why a data set was made, what is in it, how it was collected "
            "and what it should and should not be used for."
        ),
        (
            "Dokumen yang menjelaskan mengapa sebuah set data dibuat, apa isinya, bagaimana data "
            "itu dikumpulkan, serta untuk apa data itu boleh dan tidak boleh dipakai."
        ),
    ),
    Entry(
        "Demographic parity",
        "Paritas demografis",
        ("Equal selection rates across groups."),
        ("Tingkat seleksi yang sama di semua kelompok."),
    ),
    Entry(
        "Deployment bias",
        "Bias penerapan",
        (
            "Harm that arises when a system is used for a purpose or in a setting it was not "
            "designed for."
        ),
        (
            "Kerugian yang muncul ketika sebuah sistem dipakai untuk tujuan atau dalam situasi "
            "yang tidak dirancang untuknya."
        ),
    ),
    Entry(
        "Error rate",
        "Tingkat kesalahan",
        (
            "The share of a classifier's decisions that are wrong (false positives and false "
            "negatives together); the rest of the decisions are its accuracy."
        ),
        (
            "Proporsi keputusan pengklasifikasi yang salah (positif palsu dan negatif palsu "
            "bersama-sama); sisanya adalah akurasinya."
        ),
    ),
    Entry(
        "Evaluation bias",
        "Bias evaluasi",
        (
            "A model is tested on data, or with a measure, that does not reflect the people it "
            "will serve, so that poor results for some groups go unseen."
        ),
        (
            "Model diuji dengan data, atau dengan ukuran, yang tidak mencerminkan orang-orang "
            "yang akan dilayaninya, sehingga hasil buruk bagi sebagian kelompok tidak terlihat."
        ),
    ),
    Entry(
        "Equal opportunity",
        "Kesempatan yang setara",
        (
            "Equal true-positive rates across groups: people who would succeed have the same "
            "chance of being selected in every group."
        ),
        (
            "Tingkat positif benar yang sama di semua kelompok: orang yang akan berhasil memiliki"
            " peluang yang sama untuk terpilih, apa pun kelompoknya."
        ),
    ),
    Entry(
        "Equalized odds",
        "Peluang yang disetarakan (equalized odds)",
        ("Equal true-positive rates and equal false-positive rates across groups."),
        ("Tingkat positif benar yang sama dan tingkat positif palsu yang sama di semua kelompok."),
    ),
    Entry(
        "Fairness through unawareness",
        "Keadilan melalui ketidaktahuan",
        (
            "The idea that a model is fair if it is not given the sensitive attribute. It fails "
            "when other features are proxies for it."
        ),
        (
            "Anggapan bahwa sebuah model adil jika model itu tidak diberi atribut sensitif. "
            "Anggapan ini gagal ketika fitur lain menjadi proksi bagi atribut tersebut."
        ),
    ),
    Entry(
        "False-negative rate (FNR)",
        "Tingkat negatif palsu (FNR)",
        (
            "Of the people for whom the outcome is positive, the share the classifier does not "
            "select (for example, applicants who would repay but are refused)."
        ),
        (
            "Di antara orang yang hasilnya positif, proporsi yang tidak dipilih oleh "
            "pengklasifikasi (misalnya pemohon yang akan melunasi tetapi ditolak)."
        ),
    ),
    Entry(
        "False-positive rate (FPR)",
        "Tingkat positif palsu (FPR)",
        (
            "Of the people for whom the outcome is negative, the share the classifier selects "
            "anyway."
        ),
        (
            "Di antara orang yang hasilnya negatif, proporsi yang tetap dipilih oleh "
            "pengklasifikasi."
        ),
    ),
    Entry(
        "Harm of allocation",
        "Kerugian alokasi",
        (
            "An opportunity or resource, such as a loan or a training place, is withheld from "
            "some people."
        ),
        (
            "Sebuah kesempatan atau sumber daya, seperti pinjaman atau kesempatan mengikuti "
            "pelatihan, tidak diberikan kepada sebagian orang."
        ),
    ),
    Entry(
        "Harm of quality of service",
        "Kerugian kualitas layanan",
        ("A system works less well for some people than for others."),
        ("Sebuah sistem bekerja kurang baik bagi sebagian orang dibandingkan bagi orang lain."),
    ),
    Entry(
        "Historical bias",
        "Bias historis",
        ("Inequality in the world that the data faithfully records and a model then repeats."),
        (
            "Ketimpangan di dunia nyata yang terekam dengan setia dalam data, lalu diulangi oleh "
            "model."
        ),
    ),
    Entry(
        "Label bias",
        "Bias label",
        (
            "The outcome a model learns from is itself a biased judgement, such as past officers'"
            " decisions used in place of what really happened. It is a kind of measurement bias."
        ),
        (
            "Hasil yang dipelajari model ternyata merupakan keputusan yang bias, misalnya "
            "keputusan petugas di masa lalu yang dipakai sebagai pengganti apa yang sebenarnya "
            "terjadi. Bias label adalah salah satu bentuk bias pengukuran."
        ),
    ),
    Entry(
        "Measurement bias",
        "Bias pengukuran",
        ("A feature or label measures what matters less well for some groups than for others."),
        (
            "Sebuah fitur atau label mengukur hal yang penting dengan kurang baik bagi sebagian "
            "kelompok dibandingkan bagi kelompok lain."
        ),
    ),
    Entry(
        "Mitigation",
        "Mitigasi",
        (
            "A step that reduces an unfairness that has been assessed, with known costs, such as "
            "a different threshold per group. Mitigation reduces a harm; it does not make a model"
            ' "unbiased".'
        ),
        (
            "Langkah untuk mengurangi ketidakadilan yang sudah dinilai, dengan biaya yang "
            "diketahui, misalnya ambang batas yang berbeda untuk setiap kelompok. Mitigasi "
            'mengurangi kerugian; mitigasi tidak membuat model menjadi "bebas bias".'
        ),
    ),
    Entry(
        "Percentage point",
        "Poin persentase",
        (
            "The unit of a difference between two percentages: a selection rate that goes from "
            "one percentage to another changes by their difference in percentage points (not by a"
            " percentage of the first)."
        ),
        (
            "Satuan untuk selisih antara dua persentase: tingkat seleksi yang berubah dari satu "
            "persentase ke persentase lain berubah sebesar selisih keduanya dalam poin persentase"
            " (bukan sebesar persentase dari angka pertama)."
        ),
    ),
    Entry(
        "Precision",
        "Presisi",
        ("Of the people the classifier selects, the share for whom the outcome is positive."),
        ("Di antara orang yang dipilih pengklasifikasi, proporsi yang hasilnya positif."),
    ),
    Entry(
        "Predictive parity",
        "Paritas prediktif",
        ("Equal precision across groups."),
        ("Presisi yang sama di semua kelompok."),
    ),
    Entry(
        "Proxy",
        "Proksi",
        (
            "A feature that carries information about a sensitive attribute without being it, "
            "such as the kind of business standing in for gender."
        ),
        (
            "Fitur yang membawa informasi tentang atribut sensitif tanpa menjadi atribut itu "
            "sendiri, misalnya jenis usaha yang mewakili gender."
        ),
    ),
    Entry(
        "ROC curve",
        "Kurva ROC",
        (
            "A curve that shows, for every threshold, a classifier's true-positive rate against "
            "its false-positive rate. The area under it is the AUC."
        ),
        (
            "Kurva yang menunjukkan, untuk setiap ambang batas, tingkat positif benar "
            "pengklasifikasi terhadap tingkat positif palsunya. Luas di bawah kurva ini adalah "
            "AUC."
        ),
    ),
    Entry(
        "Representation bias",
        "Bias keterwakilan",
        ("Some groups are under-represented in the data a model learns from."),
        ("Sebagian kelompok kurang terwakili dalam data yang dipelajari model."),
    ),
    Entry(
        "Selection rate",
        "Tingkat seleksi",
        ("The share of a group that the classifier selects (approves, admits)."),
        (
            "Proporsi anggota suatu kelompok yang dipilih (disetujui, diterima) oleh "
            "pengklasifikasi."
        ),
    ),
    Entry(
        "Selective labels",
        "Label selektif",
        (
            "The outcome is known only for the cases an earlier decision let through: a lender "
            "sees whether a loan was repaid only if the loan was granted, so its records say "
            "nothing about the applicants it refused."
        ),
        (
            "Hasil hanya diketahui untuk kasus yang diloloskan oleh keputusan sebelumnya: pemberi"
            " pinjaman hanya melihat apakah pinjaman dilunasi jika pinjaman itu diberikan, "
            "sehingga catatannya tidak mengatakan apa pun tentang pemohon yang ditolaknya."
        ),
    ),
    Entry(
        "Sensitive attribute",
        "Atribut sensitif",
        (
            "A characteristic such as gender, age, religion or ethnicity on which unequal "
            "treatment is unjust or unlawful."
        ),
        (
            "Ciri seperti gender, usia, agama, atau suku yang membuat perlakuan tidak setara "
            "menjadi tidak adil atau melanggar hukum."
        ),
    ),
    Entry(
        "Threshold",
        "Ambang batas",
        (
            "The score at or above which a classifier selects a case: a case whose score equals "
            "the threshold is selected."
        ),
        (
            "Skor yang, bila dicapai atau dilampaui, membuat pengklasifikasi memilih suatu kasus:"
            " kasus yang skornya sama dengan ambang batas ikut dipilih."
        ),
    ),
    Entry(
        "True-positive rate (TPR)",
        "Tingkat positif benar (TPR)",
        ("Of the people for whom the outcome is positive, the share the classifier selects."),
        ("Di antara orang yang hasilnya positif, proporsi yang dipilih oleh pengklasifikasi."),
    ),
    # --- transparency chapter (issue 14) ---
    Entry(
        "Contribution",
        "Kontribusi",
        (
            "How far one input pushes one person's score up or down, compared with an average "
            "case. For a logistic regression, the contributions added together give the score on "
            "the log-odds scale."
        ),
        (
            "Seberapa jauh satu masukan mendorong skor seseorang naik atau turun, dibandingkan "
            "kasus rata-rata. Untuk regresi logistik, jumlah semua kontribusi adalah skor pada "
            "skala log-odds."
        ),
    ),
    Entry(
        "Counterfactual explanation",
        "Penjelasan kontrafaktual",
        (
            "The smallest change in a case that would have changed the model's decision: \"had "
            'your revenue been higher, you would have been approved".'
        ),
        (
            'Perubahan terkecil pada sebuah kasus yang akan mengubah keputusan model: "seandainya'
            ' omzet Anda lebih tinggi, Anda akan disetujui".'
        ),
    ),
    Entry(
        "Fairwashing",
        "Fairwashing",
        (
            "Giving a model an explanation that looks fair but hides what the model really relies"
            " on."
        ),
        (
            "Memberi model sebuah penjelasan yang tampak adil tetapi menyembunyikan apa yang "
            "sebenarnya diandalkan model itu."
        ),
    ),
    Entry(
        "Global explanation",
        "Penjelasan global",
        "A description of what a model relies on overall, for everyone.",
        (
            "Gambaran tentang apa yang diandalkan sebuah model secara keseluruhan, untuk semua "
            "orang."
        ),
    ),
    Entry(
        "Local explanation",
        "Penjelasan lokal",
        "A description of why a model decided as it did for one case.",
        "Gambaran tentang mengapa sebuah model memutuskan seperti itu untuk satu kasus.",
    ),
    Entry(
        "Model card",
        "Kartu model",
        (
            "A short document that travels with a model: what it is for, what data it learned "
            "from, how well it works overall and per group, its limits and who to contact."
        ),
        (
            "Dokumen singkat yang menyertai sebuah model: untuk apa model itu, dari data apa "
            "model belajar, seberapa baik model bekerja secara keseluruhan dan per kelompok, "
            "keterbatasannya, dan siapa yang dapat dihubungi."
        ),
    ),
    Entry(
        "Partial dependence",
        "Ketergantungan parsial",
        (
            "A model's average score when every case is given the same value of one input, drawn "
            "for a range of values."
        ),
        (
            "Skor rata-rata sebuah model ketika setiap kasus diberi nilai yang sama untuk satu "
            "masukan, digambar untuk serangkaian nilai."
        ),
    ),
    Entry(
        "Permutation importance",
        "Kepentingan permutasi",
        (
            "How much worse a model does on held-out data when one input's values are shuffled "
            "between cases: a measure of how much the model relies on that input."
        ),
        (
            "Seberapa memburuk kinerja model pada data uji ketika nilai satu masukan diacak "
            "antarkasus: ukuran seberapa besar model bergantung pada masukan itu."
        ),
    ),
    Entry(
        "Recourse",
        "Jalan pemulihan",
        (
            "A person's ability to obtain a different decision by changing things they can "
            "actually change."
        ),
        (
            "Kemampuan seseorang untuk memperoleh keputusan yang berbeda dengan mengubah hal-hal "
            "yang benar-benar dapat ia ubah."
        ),
    ),
    # --- privacy chapter (issue 15) ---
    Entry(
        "Quasi-identifier",
        "Kuasi-identifier",
        (
            "A column that says little about a person on its own but, combined with others "
            "(village, age, sex, occupation), singles them out, so that a list without names "
            "can be joined with another list that has them."
        ),
        (
            "Kolom yang sendirian hanya sedikit menjelaskan seseorang tetapi, jika digabung "
            "dengan kolom lain (desa, usia, gender, pekerjaan), menunjuk orang itu, sehingga "
            "daftar tanpa nama dapat ditautkan dengan daftar lain yang memuat nama."
        ),
    ),
    Entry(
        "Re-identification",
        "Identifikasi ulang",
        (
            "Finding out who a row of data without names belongs to, for example by joining "
            "it with another list on their quasi-identifiers."
        ),
        (
            "Mengetahui milik siapa sebuah baris data tanpa nama, misalnya dengan menautkannya "
            "dengan daftar lain melalui kuasi-identifier keduanya."
        ),
    ),
    Entry(
        "Generalisation",
        "Generalisasi",
        (
            "Replacing a value by a coarser one before publishing (an age band instead of the "
            "age, the district instead of the village), so that more rows look alike."
        ),
        (
            "Mengganti nilai dengan nilai yang lebih kasar sebelum diterbitkan (kelompok usia "
            "alih-alih usia, kecamatan alih-alih desa), sehingga lebih banyak baris tampak sama."
        ),
    ),
    Entry(
        "Suppression",
        "Penahanan baris",
        (
            "Leaving out of a published table the rows of groups too small to hide in, so that "
            "a single unusual person cannot be singled out."
        ),
        (
            "Tidak menyertakan dalam tabel yang diterbitkan baris-baris dari kelompok yang "
            "terlalu kecil untuk bersembunyi, agar satu orang yang tidak biasa tidak dapat "
            "ditunjuk."
        ),
    ),
    Entry(
        "k-anonymity",
        "k-anonimitas",
        (
            "A published table is k-anonymous when every row shares its quasi-identifiers with "
            "at least k - 1 other rows."
        ),
        (
            "Sebuah tabel yang diterbitkan bersifat k-anonim jika setiap baris memiliki "
            "kuasi-identifier yang sama dengan sedikitnya k - 1 baris lain."
        ),
    ),
    Entry(
        "l-diversity",
        "l-diversitas",
        (
            "A published table is l-diverse when every group of rows sharing quasi-identifiers "
            "holds at least l different values of the sensitive column."
        ),
        (
            "Sebuah tabel yang diterbitkan memenuhi l-diversitas jika setiap kelompok baris "
            "dengan kuasi-identifier yang sama memuat sedikitnya l nilai berbeda pada kolom "
            "sensitif."
        ),
    ),
    Entry(
        "Differential privacy",
        "Privasi diferensial",
        (
            "A promise about a published result: it is almost equally likely whether or not "
            "any one person's data were used, because calibrated random noise was added. The "
            "privacy budget epsilon says how close \u201calmost\u201d is."
        ),
        (
            "Janji tentang hasil yang diterbitkan: peluangnya hampir sama, baik data satu orang "
            "dipakai maupun tidak, karena derau acak yang terkalibrasi ditambahkan. Anggaran "
            "privasi epsilon menyatakan seberapa dekat \u201champir\u201d itu."
        ),
    ),
    Entry(
        "Membership inference",
        "Inferensi keanggotaan",
        (
            "An attack that tells, from a model's answers, whether a given person's data were "
            "among the data the model was trained on."
        ),
        (
            "Serangan yang menebak, dari jawaban sebuah model, apakah data seseorang termasuk "
            "data yang dipakai untuk melatih model itu."
        ),
    ),
    # --- mitigation chapter (issue 16) ---
    Entry(
        "Reweighing",
        "Pembobotan ulang",
        (
            "A mitigation before training: each training row gets a weight, so that in the "
            "weighted data the sensitive attribute and the label are independent (Kamiran & "
            "Calders, 2012)."
        ),
        (
            "Mitigasi sebelum pelatihan: setiap baris data latih diberi bobot, sehingga dalam "
            "data berbobot itu atribut sensitif dan label saling bebas (Kamiran & Calders, "
            "2012)."
        ),
    ),
    Entry(
        "Trade-off",
        "Kompromi",
        (
            "What is given up for what is gained: a narrower gap in one fairness measure can "
            "cost accuracy, or widen the gap in another measure."
        ),
        (
            "Apa yang dilepas demi apa yang diperoleh: selisih yang lebih sempit pada satu "
            "ukuran keadilan dapat mengorbankan akurasi, atau memperlebar selisih pada ukuran "
            "lain."
        ),
    ),
    Entry(
        "Randomised decision",
        "Keputusan acak",
        (
            "A decision partly made by chance, as some mitigations do (ExponentiatedGradient, "
            "ThresholdOptimizer): two identical applicants can be decided differently."
        ),
        (
            "Keputusan yang sebagian ditentukan oleh peluang, seperti pada sebagian mitigasi "
            "(ExponentiatedGradient, ThresholdOptimizer): dua pemohon yang identik dapat "
            "diputuskan berbeda."
        ),
    ),
)


def sort_key(text: str) -> str:
    """Dictionary order: case and the parentheses of an abbreviation ignored."""
    return text.casefold().replace("(", "").replace(")", "")


def glossary_markdown(lang: str | None = None) -> str:
    """The glossary as a MyST ``{glossary}`` directive in ``lang``, sorted by its headwords."""
    lang = lang or current_language()
    entries = sorted(GLOSSARY, key=lambda e: sort_key(e.term(lang)))
    body = []
    for entry in entries:
        body.append(entry.term(lang))
        body.append(f"  *{entry.other_term(lang)}.* {entry.definition(lang)}")
        body.append("")
    return "```{glossary}\n" + "\n".join(body).rstrip() + "\n```\n"
