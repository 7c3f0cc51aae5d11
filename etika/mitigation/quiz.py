"""The mitigation chapter's self-check quiz (rendered by :mod:`etika.quiz`).

Questions ask for understanding; one asks the reader to read a number off the who-gains demo,
and that number is the demo's own (:mod:`etika.mitigation.figures`). The correct choice is not
always in the same place. ``tests/unit/test_mitigation_quiz.py`` checks the claims the
feedback makes.
"""

from __future__ import annotations

from functools import lru_cache

from etika.mitigation.figures import raw_figures
from etika.quiz import Question, _q

__all__ = ["mitigation_quiz"]


def _near(value: int) -> tuple[int, int]:
    """Two wrong counts for the read-the-demo question, never equal to ``value``."""
    return value + 10, max(0, value - 11)


@lru_cache(maxsize=1)
def mitigation_quiz() -> tuple[Question, ...]:
    """The quiz's questions (built once: one question quotes a figure from the demos)."""
    n = int(raw_figures()["mi_eg_men_repay_refused"][0])
    hi, lo = _near(n)
    return (
        _q(
            "where",
            "The lender gives more weight to the past approvals of women before it trains its "
            "model. Where does this mitigation act?",
            "Pemberi pinjaman memberi bobot lebih pada persetujuan perempuan di masa lalu "
            "sebelum melatih modelnya. Di mana mitigasi ini bekerja?",
            (
                "After training, on the decisions.",
                "Setelah pelatihan, pada keputusan.",
                False,
                "That would be ThresholdOptimizer: it keeps the model and changes the thresholds.",
                "Itu ThresholdOptimizer: model tetap, ambang batasnya yang diubah.",
            ),
            (
                "During training, as a constraint.",
                "Selama pelatihan, sebagai batasan.",
                False,
                "That would be ExponentiatedGradient or GridSearch with a constraint.",
                "Itu ExponentiatedGradient atau GridSearch dengan sebuah batasan.",
            ),
            (
                "Before training, on the data.",
                "Sebelum pelatihan, pada data.",
                True,
                "Reweighing changes the training data's weights so that gender and label are "
                "independent in it (Kamiran & Calders, 2012).",
                "Pembobotan ulang mengubah bobot data latih sehingga gender dan label saling "
                "bebas di dalamnya (Kamiran & Calders, 2012).",
            ),
        ),
        _q(
            "read-the-demo",
            "In the who-gains demo, choose ExponentiatedGradient, the selection rate gap and "
            "the strongest setting (eps 0.01). How many men who would repay are now refused?",
            "Pada demo siapa diuntungkan, pilih ExponentiatedGradient, selisih tingkat "
            "seleksi, dan pengaturan terkuat (eps 0,01). Berapa laki-laki yang akan melunasi "
            "kini ditolak?",
            (
                str(hi),
                str(hi),
                False,
                "Look again at the row of men who would repay, column \u201cNow refused\u201d.",
                "Lihat lagi baris laki-laki yang akan melunasi, kolom \u201cKini ditolak\u201d.",
            ),
            (
                str(lo),
                str(lo),
                False,
                "Look again at the row of men who would repay, column \u201cNow refused\u201d.",
                "Lihat lagi baris laki-laki yang akan melunasi, kolom \u201cKini ditolak\u201d.",
            ),
            (
                str(n),
                str(n),
                True,
                "These men pay for the narrower gap: they would have repaid and lose a loan.",
                "Para laki-laki ini menanggung selisih yang lebih sempit: mereka akan "
                "melunasi dan kehilangan pinjaman.",
            ),
        ),
        _q(
            "fair-model",
            "After ExponentiatedGradient, the gap in selection rates is almost zero. What can "
            "the lender honestly say?",
            "Setelah ExponentiatedGradient, selisih tingkat seleksi hampir nol. Apa yang "
            "dapat dikatakan pemberi pinjaman dengan jujur?",
            (
                "The gap in selection rates on held-out data narrowed; other gaps, and who pays "
                "for it, must be reported too.",
                "Selisih tingkat seleksi pada data uji menyempit; selisih lain, dan "
                "siapa yang menanggungnya, juga harus dilaporkan.",
                True,
                "A mitigation moves harms: the equalized odds gap widened, and some men who "
                "would repay are now refused.",
                "Mitigasi memindahkan kerugian: selisih peluang yang disetarakan melebar, dan "
                "sebagian laki-laki yang akan melunasi kini ditolak.",
            ),
            (
                "The model is now fair.",
                "Model kini adil.",
                False,
                "No method makes a model fair: it closes one measured gap on one dataset, and "
                "can widen another.",
                "Tidak ada metode yang membuat model adil: metode menutup satu selisih yang "
                "diukur pada satu data, dan dapat memperlebar yang lain.",
            ),
            (
                "The model no longer uses gender.",
                "Model tidak lagi menggunakan gender.",
                False,
                "The opposite: the method needed each applicant's gender to train.",
                "Sebaliknya: metode itu memerlukan gender setiap pemohon untuk pelatihan.",
            ),
        ),
        _q(
            "label",
            "The model learned from past officers' decisions, which under-approved women. "
            "After mitigation, what does judging it against repayment show?",
            "Model belajar dari keputusan petugas masa lalu, yang kurang menyetujui perempuan. "
            "Setelah mitigasi, apa yang terlihat bila model dinilai terhadap pelunasan?",
            (
                "It is as accurate as a model trained on repayment.",
                "Model seakurat model yang dilatih dari pelunasan.",
                False,
                "In the third demo every model trained on past decisions is less accurate "
                "against repayment than the unmitigated model trained on repayment.",
                "Pada demo ketiga setiap model yang dilatih dari keputusan masa lalu kurang "
                "akurat terhadap pelunasan daripada model tanpa mitigasi yang dilatih dari "
                "pelunasan.",
            ),
            (
                "It stays less accurate, and women who would repay stay less often approved "
                "than men who would.",
                "Model tetap kurang akurat, dan perempuan yang akan melunasi tetap lebih jarang "
                "disetujui daripada laki-laki.",
                True,
                "The constraint holds against the label it was given; it cannot repair that label.",
                "Batasan berlaku terhadap label yang diberikan; batasan tidak dapat memperbaiki "
                "label itu.",
            ),
            (
                "Nothing: repayment cannot be measured.",
                "Tidak ada: pelunasan tidak dapat diukur.",
                False,
                "In these synthetic data it can; in real life, only for those who got a loan.",
                "Dalam data sintetis ini bisa; di dunia nyata, hanya untuk mereka yang mendapat "
                "pinjaman.",
            ),
        ),
        _q(
            "random",
            "ThresholdOptimizer sometimes decides between two thresholds by chance. Why can "
            "applicants find this unfair?",
            "ThresholdOptimizer kadang memilih antara dua ambang batas secara acak. Mengapa "
            "pemohon dapat merasa ini tidak adil?",
            (
                "Because chance always favours men.",
                "Karena peluang selalu menguntungkan laki-laki.",
                False,
                "The coin flip favours no one; the problem is that it gives no reason.",
                "Lemparan koin tidak memihak siapa pun; masalahnya, ia tidak memberi alasan.",
            ),
            (
                "Because the method does not use the model's score.",
                "Karena metode itu tidak memakai skor model.",
                False,
                "It does use the score; chance decides only between two thresholds.",
                "Metode itu memakai skor; peluang hanya memilih antara dua ambang batas.",
            ),
            (
                "Two identical applicants can get different decisions, and the refused one "
                "gets no reason beyond chance.",
                "Dua pemohon yang identik dapat mendapat keputusan berbeda, dan yang ditolak "
                "tidak mendapat alasan selain peluang.",
                True,
                "The gap closes on average; the lender should say so and offer review by a person.",
                "Selisih menutup secara rata-rata; pemberi pinjaman harus mengatakannya dan "
                "menawarkan peninjauan oleh manusia.",
            ),
        ),
        _q(
            "who-decides",
            "Who should choose the setting the lender deploys?",
            "Siapa yang sebaiknya memilih pengaturan yang dipakai pemberi pinjaman?",
            (
                "The data scientist, because she knows the method best.",
                "Ilmuwan data, karena ia paling memahami metodenya.",
                False,
                "She can show the trade-off; choosing who bears its cost is not a technical "
                "question.",
                "Ia dapat menunjukkan komprominya; memilih siapa yang menanggung biayanya bukan "
                "pertanyaan teknis.",
            ),
            (
                "The people accountable for the decisions, with the people affected, written "
                "down with its reason.",
                "Orang yang bertanggung jawab atas keputusan, bersama orang yang terdampak, "
                "dicatat beserta alasannya.",
                True,
                "And then the decisions are monitored after deployment.",
                "Lalu keputusan dipantau setelah model dipakai.",
            ),
            (
                "The method itself: the setting with the smallest gap.",
                "Metodenya sendiri: pengaturan dengan selisih terkecil.",
                False,
                "The smallest gap in one measure can be a wide gap in another, at a cost in "
                "accuracy.",
                "Selisih terkecil pada satu ukuran dapat menjadi selisih lebar pada "
                "ukuran lain, dengan biaya akurasi.",
            ),
        ),
    )
