"""Interface strings of the mitigation chapter's demos, English and Bahasa Indonesia.

Merged into :data:`etika.strings.STRINGS` (one grouped block at its end). Indonesian follows the
glossary: *mitigation* is *mitigasi*, *trade-off* is *kompromi*, *selection rate* is *tingkat
seleksi*, *true positive rate* is *tingkat positif benar*.
"""

STRINGS: dict[str, dict[str, str]] = {
    "frontier.title": {
        "en": "The trade-off: accuracy against the gap",
        "id": "Kompromi: akurasi melawan selisih",
    },
    "frontier.try": {
        "en": "Pick a measure, a method and a strength. What you should see: the settings "
        "that narrow the selection-rate gap the most cost a little accuracy. CorrelationRemover "
        "at full strength lands left of the unmitigated model on that gap, and right of it on "
        "the equalized odds gap: no setting is best on every measure.",
        "id": "Pilih ukuran, metode, dan kekuatan. Yang akan Anda lihat: pengaturan yang paling "
        "mempersempit selisih tingkat seleksi mengorbankan sedikit akurasi. "
        "CorrelationRemover pada kekuatan penuh berada di kiri model tanpa mitigasi pada "
        "selisih itu, dan di kanannya pada selisih peluang yang disetarakan: tidak ada pengaturan "
        "yang terbaik pada semua ukuran.",
    },
    "who_gains.title": {
        "en": "Who gains, who loses?",
        "id": "Siapa diuntungkan, siapa dirugikan?",
    },
    "who_gains.try": {
        "en": "Pick a method and a strength. What you should see: women who would repay are "
        "now approved, men who would repay are now refused, and some of the newly approved "
        "loans will not be repaid. A mitigation moves decisions between people.",
        "id": "Pilih metode dan kekuatan. Yang akan Anda lihat: perempuan yang akan melunasi "
        "kini disetujui, laki-laki yang akan melunasi kini ditolak, dan sebagian pinjaman yang "
        "baru disetujui tidak akan dilunasi. Mitigasi memindahkan keputusan antarorang.",
    },
    "which_label.title": {
        "en": "Which label did you mitigate?",
        "id": "Label mana yang Anda mitigasi?",
    },
    "which_label.try": {
        "en": "Switch the label the model learned from, then the method. What you should see: "
        "judged against repayment, every model trained on past officers' decisions is less "
        "accurate than the unmitigated model trained on repayment, whichever method is used; "
        "women who would repay stay less often approved than men who would.",
        "id": "Ganti label tempat model belajar, lalu metodenya. Yang akan Anda lihat: dinilai "
        "terhadap pelunasan, setiap model yang dilatih dari keputusan petugas masa lalu kurang "
        "akurat daripada model tanpa mitigasi yang dilatih dari pelunasan, apa pun metodenya; "
        "perempuan yang akan melunasi tetap lebih jarang disetujui daripada laki-laki.",
    },
    "mit.measure": {"en": "Fairness measure", "id": "Ukuran keadilan"},
    "mit.method": {"en": "Method", "id": "Metode"},
    "mit.strength": {"en": "Strength", "id": "Kekuatan"},
    "mit.label": {"en": "Label the model learned from", "id": "Label tempat model belajar"},
    "mit.measure.dp_gap": {
        "en": "Selection rate gap (demographic parity)",
        "id": "Selisih tingkat seleksi (paritas demografis)",
    },
    "mit.measure.eo_gap": {
        "en": "Equalized odds gap",
        "id": "Selisih peluang yang disetarakan (equalized odds)",
    },
    "mit.measure.tpr_gap": {
        "en": "True positive rate gap",
        "id": "Selisih tingkat positif benar",
    },
    "mit.method.none": {"en": "No mitigation", "id": "Tanpa mitigasi"},
    "mit.method.reweighing": {"en": "Reweighing", "id": "Pembobotan ulang"},
    "mit.method.correlation_remover": {"en": "CorrelationRemover", "id": "CorrelationRemover"},
    "mit.method.exponentiated_gradient": {
        "en": "ExponentiatedGradient",
        "id": "ExponentiatedGradient",
    },
    "mit.method.threshold_optimizer": {"en": "ThresholdOptimizer", "id": "ThresholdOptimizer"},
    "mit.label.approved_past": {
        "en": "Past officers' decisions",
        "id": "Keputusan petugas masa lalu",
    },
    "mit.label.repaid": {"en": "Repayment (true outcome)", "id": "Pelunasan (hasil sebenarnya)"},
    "mit.strength.none": {"en": "no setting", "id": "tanpa pengaturan"},
    "mit.strength.correlation_remover": {"en": "alpha {v}", "id": "alpha {v}"},
    "mit.strength.exponentiated_gradient": {"en": "eps {v}", "id": "eps {v}"},
    "mit.strength.threshold_optimizer": {"en": "tol {v}", "id": "tol {v}"},
    "mit.strength.exact": {"en": "exact", "id": "tepat"},
    "mit.accuracy": {"en": "Accuracy", "id": "Akurasi"},
    "mit.gap": {"en": "Gap", "id": "Selisih"},
    "mit.here": {"en": "this setting", "id": "pengaturan ini"},
    "mit.unmitigated": {"en": "no mitigation", "id": "tanpa mitigasi"},
    "mit.other": {"en": "other settings", "id": "pengaturan lain"},
    "frontier.alt": {
        "en": "Scatter chart: each setting's accuracy against its gap; the chosen setting and "
        "the unmitigated model are marked.",
        "id": "Diagram sebar: akurasi setiap pengaturan terhadap selisihnya; pengaturan "
        "terpilih dan model tanpa mitigasi ditandai.",
    },
    "frontier.summary": {
        "en": "{method} ({strength}): accuracy {acc} (no mitigation {acc0}), {measure} {gap} "
        "(no mitigation {gap0}). Selection rate: women {sel_f}, men {sel_m}.",
        "id": "{method} ({strength}): akurasi {acc} (tanpa mitigasi {acc0}), {measure} {gap} "
        "(tanpa mitigasi {gap0}). Tingkat seleksi: perempuan {sel_f}, laki-laki {sel_m}.",
    },
    "frontier.note": {
        "en": "Measured on held-out applications against past officers' decisions, the label "
        "the model learned from.",
        "id": "Diukur pada pengajuan uji terhadap keputusan petugas masa lalu, label tempat "
        "model belajar.",
    },
    "who.col.group": {"en": "Applicants", "id": "Pemohon"},
    "who.col.approved_now": {"en": "Now approved", "id": "Kini disetujui"},
    "who.col.refused_now": {"en": "Now refused", "id": "Kini ditolak"},
    "who.female.1": {"en": "Women who would repay", "id": "Perempuan yang akan melunasi"},
    "who.female.0": {"en": "Women who would not", "id": "Perempuan yang tidak akan melunasi"},
    "who.male.1": {"en": "Men who would repay", "id": "Laki-laki yang akan melunasi"},
    "who.male.0": {"en": "Men who would not", "id": "Laki-laki yang tidak akan melunasi"},
    "who.caption": {
        "en": "Decisions that changed against the unmitigated model, among {n} held-out "
        "applicants. Each square is one person.",
        "id": "Keputusan yang berubah dibandingkan model tanpa mitigasi, di antara {n} pemohon "
        "uji. Setiap kotak adalah satu orang.",
    },
    "who.alt": {
        "en": "Picture of people: one square for each applicant whose decision flipped, by "
        "group and true outcome.",
        "id": "Gambar orang: satu kotak untuk setiap pemohon yang keputusannya berbalik, "
        "menurut kelompok dan hasil sebenarnya.",
    },
    "who.none": {
        "en": "No mitigation: nothing changes.",
        "id": "Tanpa mitigasi: tidak ada yang berubah.",
    },
    # Short: "against repayment" is in the note under the table (no word broken at 360 px).
    "which.col.accuracy": {"en": "Accuracy", "id": "Akurasi"},
    "which.col.tpr_female": {
        "en": "Women who would repay, approved",
        "id": "Perempuan yang akan melunasi, disetujui",
    },
    "which.col.tpr_male": {
        "en": "Men who would repay, approved",
        "id": "Laki-laki yang akan melunasi, disetujui",
    },
    "which.note": {
        "en": "Every model judged on held-out applications against repayment. Methods at "
        "their strongest setting, with demographic parity where a constraint is needed.",
        "id": "Setiap model dinilai pada pengajuan uji terhadap pelunasan. Metode pada "
        "pengaturan terkuatnya, dengan paritas demografis bila perlu batasan.",
    },
    "status.frontier": {
        "en": "{method}, {strength}: accuracy {acc}, gap {gap}.",
        "id": "{method}, {strength}: akurasi {acc}, selisih {gap}.",
    },
    "status.who_gains": {
        "en": "{method}, {strength}: {approved} now approved, {refused} now refused.",
        "id": "{method}, {strength}: {approved} kini disetujui, {refused} kini ditolak.",
    },
    "status.which_label": {
        "en": "Trained on {label}: {method} accuracy {acc} against repayment.",
        "id": "Dilatih dari {label}: akurasi {method} {acc} terhadap pelunasan.",
    },
}
