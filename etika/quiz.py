"""Self-check quizzes with instant feedback, in English and Bahasa Indonesia.

A question has a prompt, three or more choices, one or more correct choices, and an
explanation for *every* choice (why it is right or wrong), all in both languages.

Two renderers:

* :func:`quiz_html`: plain HTML + CSS, no server. Choosing an answer reveals its explanation
  through the CSS rule ``input:checked ~ .etika-feedback``; in a question with several right
  answers, every ticked box has its own verdict and a note says when a right answer is still
  unticked. A small script (``static/etika-quiz.js``) copies the feedback into the question's
  ``aria-live`` region so that screen readers announce it; without JavaScript the feedback
  still shows. Style (``static/etika-quiz.css``) and script are embedded in the snippet, so
  the quiz works the same on the static site and in JupyterLab.
* :func:`quiz_widget`: ipywidgets, for a live kernel.

Wording follows fairlearn's guide: we *assess* and *mitigate* unfairness; we never claim to
"debias" a model, make it "unbiased" or "solve" fairness.
"""

from __future__ import annotations

import hashlib
import itertools
import os
from dataclasses import dataclass, field, replace
from functools import cache
from html import escape
from pathlib import Path

from etika.i18n import LANGUAGES, current_language, t

__all__ = [
    "BIAS_QUIZ",
    "Choice",
    "Question",
    "check_answer",
    "quiz_html",
    "quiz_widget",
    "show_quiz",
]

Text = dict[str, str]


@dataclass(frozen=True)
class Choice:
    text: Text
    correct: bool
    explanation: Text


@dataclass(frozen=True)
class Question:
    key: str
    prompt: Text
    choices: tuple[Choice, ...] = field(default_factory=tuple)

    @property
    def multiple(self) -> bool:
        """True when more than one choice is correct (rendered as checkboxes)."""
        return sum(c.correct for c in self.choices) > 1

    def validate(self) -> None:
        """Raise ``ValueError`` if the question breaks the data model's rules."""
        if len(self.choices) < 3:
            raise ValueError(f"question {self.key!r}: needs at least 3 choices")
        if not any(c.correct for c in self.choices):
            raise ValueError(f"question {self.key!r}: needs at least one correct choice")
        for part in [
            self.prompt,
            *(c.text for c in self.choices),
            *(c.explanation for c in self.choices),
        ]:
            for lang in LANGUAGES:
                if not part.get(lang, "").strip():
                    raise ValueError(f"question {self.key!r}: missing {lang!r} text")


def _q(key: str, prompt_en: str, prompt_id: str, *choices: tuple) -> Question:
    return Question(
        key=key,
        prompt={"en": prompt_en, "id": prompt_id},
        choices=tuple(
            Choice({"en": te, "id": ti}, ok, {"en": ee, "id": ei}) for te, ti, ok, ee, ei in choices
        ),
    )


BIAS_QUIZ: tuple[Question, ...] = (
    _q(
        "label-bias",
        "In the micro-credit data, women repay more often than men, yet past loan officers "
        "approved them less often. A model is trained to predict approved_past. What kind of "
        "bias does it learn?",
        "Dalam data kredit mikro, perempuan lebih sering melunasi daripada laki-laki, tetapi "
        "petugas kredit di masa lalu lebih jarang menyetujui mereka. Sebuah model dilatih untuk "
        "memprediksi approved_past. Bias jenis apa yang dipelajarinya?",
        (
            "Label bias: the target records the officers' judgement, not repayment.",
            "Bias label: target mencatat keputusan petugas, bukan pelunasan.",
            True,
            "The label itself is biased, so a model that fits it well reproduces the "
            "officers' decisions, including their unfair treatment of women.",
            "Labelnya sendiri bias, sehingga model yang cocok dengan label itu mengulang "
            "keputusan petugas, termasuk perlakuan tidak adil terhadap perempuan.",
        ),
        (
            "Representation bias: there are too few women in the data.",
            "Bias keterwakilan: jumlah perempuan dalam data terlalu sedikit.",
            False,
            "Women are more than half of the applicants here. The problem is what the label "
            "says about them, not how many of them there are.",
            "Perempuan lebih dari separuh pemohon di sini. Masalahnya adalah apa yang dikatakan "
            "label tentang mereka, bukan jumlah mereka.",
        ),
        (
            "No bias: a model only learns patterns from data, so it is neutral.",
            "Tidak ada bias: model hanya mempelajari pola dari data, jadi model itu netral.",
            False,
            "A model learns whatever the data contain, including past unfair decisions. Learning "
            "from data is exactly how the bias gets in.",
            "Model mempelajari apa pun yang ada di data, termasuk keputusan tidak adil di masa "
            "lalu. Justru dengan belajar dari data itulah bias masuk.",
        ),
    ),
    _q(
        "unawareness",
        "The lender deletes the gender column before training. What happens to the gap in "
        "selection rates between men and women?",
        "Pemberi pinjaman menghapus kolom gender sebelum pelatihan. Apa yang terjadi pada "
        "selisih tingkat seleksi antara laki-laki dan perempuan?",
        (
            "It disappears, because the model can no longer see gender.",
            "Selisihnya hilang, karena model tidak lagi dapat melihat gender.",
            False,
            "Other columns still carry gender. In the course demo, most of the gap remains "
            "without the gender column.",
            "Kolom lain masih membawa informasi gender. Dalam demo kursus, sebagian besar "
            "selisih masih tersisa tanpa kolom gender.",
        ),
        (
            "It shrinks only a little: kind of business, head of household and credit history "
            "act as proxies for gender.",
            "Selisihnya hanya sedikit mengecil: jenis usaha, kepala rumah tangga dan riwayat "
            "kredit berperan sebagai proksi gender.",
            True,
            "This is why 'fairness through unawareness' is not enough: we must assess the "
            "outcomes for each group.",
            "Inilah sebabnya 'keadilan melalui ketidaktahuan' (fairness through "
            "unawareness) tidak cukup: kita harus menilai hasil untuk setiap kelompok.",
        ),
        (
            "It is impossible to know without the gender column.",
            "Tidak mungkin diketahui tanpa kolom gender.",
            False,
            "Gender can be kept aside for assessment even when the model does not use it; "
            "measuring the gap needs the group, training the model does not.",
            "Gender dapat disimpan terpisah untuk penilaian walaupun model tidak memakainya; "
            "mengukur selisih memerlukan data kelompok, melatih model tidak.",
        ),
    ),
    _q(
        "proxies",
        "Which columns of the micro-credit data can act as proxies for gender?",
        "Kolom mana dari data kredit mikro yang dapat berperan sebagai proksi gender?",
        (
            "business_type",
            "business_type (jenis usaha)",
            True,
            "Tailoring, catering and food stalls are mostly run by women; repair shops and "
            "transport mostly by men.",
            "Usaha menjahit, katering dan warung kebanyakan dijalankan perempuan; bengkel dan "
            "transportasi kebanyakan oleh laki-laki.",
        ),
        (
            "household_head",
            "household_head (kepala rumah tangga)",
            True,
            "Most men in the data are recorded as head of household and most women are not.",
            "Sebagian besar laki-laki dalam data tercatat sebagai kepala rumah tangga, "
            "sedangkan sebagian besar perempuan tidak.",
        ),
        (
            "credit_history_years",
            "credit_history_years (lama riwayat kredit)",
            True,
            "Because of historical bias, women have a shorter formal credit history at the "
            "same ability to repay, so the column partly encodes gender.",
            "Karena bias historis, perempuan memiliki riwayat kredit formal yang lebih pendek "
            "pada kemampuan melunasi yang sama, sehingga kolom ini sebagian mengandung gender.",
        ),
        (
            "applicant_id",
            "applicant_id (nomor pemohon)",
            False,
            "The identifier is a running number and says nothing about the applicant. (It "
            "should not be a model input anyway.)",
            "Nomor pemohon hanyalah nomor urut dan tidak mengatakan apa pun tentang "
            "pemohon. (Kolom ini memang tidak boleh menjadi masukan model.)",
        ),
    ),
    _q(
        "tpr",
        "Among applicants who would repay, a smaller share of women than of men are approved. "
        "Which metric is this, and which fairness criterion compares it between groups?",
        "Di antara pemohon yang akan melunasi, proporsi perempuan yang disetujui lebih kecil "
        "daripada proporsi laki-laki. Metrik apa ini, dan kriteria keadilan mana yang "
        "membandingkannya antarkelompok?",
        (
            "The true-positive rate (TPR); equal opportunity.",
            "Tingkat positif benar (TPR); kesempatan yang setara.",
            True,
            "Equal opportunity asks that people who would repay have the same chance of "
            "approval whatever their group. Here women who would repay are turned down more often.",
            "Kesempatan yang setara menuntut agar orang yang akan melunasi memiliki "
            "peluang disetujui yang sama apa pun kelompoknya. Di sini perempuan yang akan melunasi "
            "lebih sering ditolak.",
        ),
        (
            "The selection rate; demographic parity.",
            "Tingkat seleksi; paritas demografis.",
            False,
            "The selection rate counts approvals among all applicants of a group, not only among "
            "those who would repay.",
            "Tingkat seleksi menghitung persetujuan di antara semua pemohon suatu kelompok, bukan "
            "hanya di antara mereka yang akan melunasi.",
        ),
        (
            "Precision; predictive parity.",
            "Presisi; paritas prediktif.",
            False,
            "Precision is the share of approved applicants who repay: it starts from the decision, "
            "not from the true outcome.",
            "Presisi adalah proporsi pemohon yang disetujui yang kemudian melunasi: dihitung dari "
            "keputusan, bukan dari hasil sebenarnya.",
        ),
        (
            "The false-positive rate (FPR); equalized odds.",
            "Tingkat positif palsu (FPR); peluang yang disetarakan.",
            False,
            "The FPR is about applicants who would NOT repay but are approved. Equalized odds "
            "compares both TPR and FPR.",
            "FPR menyangkut pemohon yang TIDAK akan melunasi tetapi disetujui. Peluang yang "
            "disetarakan membandingkan TPR dan FPR sekaligus.",
        ),
    ),
    _q(
        "impossibility",
        "Women repay more often than men. Can a lender's model give both groups equal "
        "selection rates, equal TPR and FPR, and equal precision, all at once?",
        "Perempuan lebih sering melunasi daripada laki-laki. Dapatkah model pemberi pinjaman "
        "memberi kedua kelompok tingkat seleksi yang sama, TPR dan FPR yang sama, serta presisi "
        "yang sama, semuanya sekaligus?",
        (
            "No: when base rates differ and the lender approves anyone at all, these criteria "
            "cannot all hold together, not even for a perfect model. We have to choose, and say "
            "who bears the remaining gaps.",
            "Tidak: jika tingkat dasar berbeda dan pemberi pinjaman menyetujui setidaknya "
            "sebagian pemohon, kriteria ini tidak dapat terpenuhi bersamaan, bahkan oleh model "
            "yang sempurna. Kita harus memilih dan menjelaskan siapa yang menanggung selisih "
            "yang tersisa.",
            True,
            "A perfect model approves exactly the applicants who would repay, so each group's "
            "selection rate equals its base rate, and those differ. Related results hold for "
            "calibration and error rates (Kleinberg et al., 2017; Chouldechova, 2017). In "
            "the threshold demo, equalising selection rates still leaves gaps in TPR, FPR and "
            "precision.",
            "Model yang sempurna menyetujui tepat para pemohon yang akan melunasi, sehingga "
            "tingkat seleksi tiap kelompok sama dengan tingkat dasarnya, dan keduanya berbeda. "
            "Hasil serupa berlaku untuk kalibrasi dan tingkat kesalahan (Kleinberg dkk., 2017; "
            "Chouldechova, 2017). Dalam demo ambang batas, menyamakan tingkat "
            "seleksi tetap menyisakan selisih TPR, FPR dan presisi.",
        ),
        (
            "Yes, with the right threshold for each group.",
            "Ya, dengan ambang batas yang tepat untuk tiap kelompok.",
            False,
            "Separate thresholds can equalise one criterion at a time (for example selection "
            "rates), but not all of them while base rates differ.",
            "Ambang batas terpisah dapat menyamakan satu kriteria pada satu waktu (misalnya "
            "tingkat seleksi), tetapi tidak semuanya selama tingkat dasar berbeda.",
        ),
        (
            "Yes, if we remove the gender column.",
            "Ya, jika kolom gender dihapus.",
            False,
            "Removing the column changes neither the base rates nor the proxies; the conflict "
            "between the criteria remains.",
            "Menghapus kolom tidak mengubah tingkat dasar maupun proksi; pertentangan "
            "antarkriteria tetap ada.",
        ),
        (
            "Yes, with enough training data.",
            "Ya, dengan data latih yang cukup banyak.",
            False,
            "More data reduces random error but does not make the groups' base rates equal. "
            "Even a model with no errors at all would approve the two groups at different rates.",
            "Data yang lebih banyak mengurangi kesalahan acak, tetapi tidak menyamakan tingkat "
            "dasar kelompok. Bahkan model yang sama sekali tidak keliru akan menyetujui kedua "
            "kelompok dengan tingkat yang berbeda.",
        ),
    ),
    _q(
        "representation",
        "Rural applicants are a large part of the population but only a small share of the "
        "training data, and their repayment depends on different things. What do you expect?",
        "Pemohon perdesaan merupakan bagian besar dari populasi tetapi hanya proporsi kecil dari "
        "data latih, dan kemampuan melunasi mereka bergantung pada hal yang berbeda. Apa yang "
        "Anda perkirakan?",
        (
            "More errors for rural applicants, which fall as their share in the training data "
            "grows.",
            "Lebih banyak kesalahan untuk pemohon perdesaan, yang berkurang ketika proporsi mereka "
            "dalam data latih bertambah.",
            True,
            "The model learns the urban pattern; in the demo the rural error rate falls "
            "as the rural share of the training data grows.",
            "Model mempelajari pola perkotaan; dalam demo, tingkat kesalahan perdesaan "
            "turun ketika proporsi pemohon perdesaan dalam data latih bertambah.",
        ),
        (
            "No difference, because the model is trained on the true outcome (repaid).",
            "Tidak ada perbedaan, karena model dilatih dengan hasil sebenarnya (repaid).",
            False,
            "A correct label does not help a group the model has hardly seen: representation bias "
            "is separate from label bias.",
            "Label yang benar tidak menolong kelompok yang hampir tidak dilihat model: bias "
            "keterwakilan berbeda dari bias label.",
        ),
        (
            "Fewer errors for rural applicants, because a small group is easier to predict.",
            "Lebih sedikit kesalahan untuk pemohon perdesaan, karena kelompok kecil lebih mudah "
            "diprediksi.",
            False,
            "The opposite: with few examples the model cannot learn how repayment works for them.",
            "Sebaliknya: dengan sedikit contoh, model tidak dapat mempelajari bagaimana pelunasan "
            "berlaku bagi mereka.",
        ),
    ),
    _q(
        "harm",
        "A lender uses a model trained on approved_past with one threshold for everyone. Who "
        "is harmed, and how?",
        "Pemberi pinjaman memakai model yang dilatih dengan approved_past dengan satu ambang "
        "batas untuk semua orang. Siapa yang dirugikan, dan bagaimana?",
        (
            "Women who would repay, who are denied credit for their business more often than men "
            "who would repay.",
            "Perempuan yang akan melunasi, yang lebih sering ditolak kreditnya untuk usaha mereka "
            "daripada laki-laki yang akan melunasi.",
            True,
            "Their TPR is lower. Being refused a loan can mean no stock for the warung or no "
            "new sewing machine: an allocation harm.",
            "TPR mereka lebih rendah. Ditolak pinjaman bisa berarti tidak ada modal belanja "
            "untuk warung atau mesin jahit baru: kerugian alokasi.",
        ),
        (
            "Rural business owners, under-represented in the data and penalised in past decisions.",
            "Pemilik usaha di perdesaan, yang kurang terwakili dalam data dan dirugikan dalam "
            "keputusan masa lalu.",
            True,
            "The model errs more often for them and inherits the officers' penalty.",
            "Model lebih sering keliru untuk mereka dan mewarisi penalti dari petugas.",
        ),
        (
            "Nobody: the model is accurate overall, so it is fair.",
            "Tidak ada: model akurat secara keseluruhan, jadi model itu adil.",
            False,
            "Overall accuracy can hide large differences between groups; fairness is assessed "
            "group by group.",
            "Akurasi keseluruhan dapat menyembunyikan perbedaan besar antarkelompok; keadilan "
            "dinilai per kelompok.",
        ),
    ),
    _q(
        "claims",
        "A team lowers the threshold for women until both groups have the same selection "
        "rate. Which statement about the result is accurate?",
        "Sebuah tim menurunkan ambang batas untuk perempuan sampai kedua kelompok memiliki "
        "tingkat seleksi yang sama. Pernyataan mana tentang hasilnya yang tepat?",
        (
            "The selection-rate disparity has been mitigated; TPR, FPR and precision still differ "
            "and must be assessed and explained.",
            "Selisih tingkat seleksi telah dimitigasi; TPR, FPR dan presisi masih berbeda dan "
            "harus dinilai serta dijelaskan.",
            True,
            "This is an honest description. One criterion improved; others did not, and "
            "the people affected should know the trade-off.",
            "Inilah deskripsi yang jujur. Satu kriteria membaik; yang lain tidak, dan "
            "orang yang terdampak perlu mengetahui untung-ruginya.",
        ),
        (
            "The model is now unbiased.",
            "Model sekarang bebas bias.",
            False,
            "Changing a threshold does not remove the label bias or the proxies, and other gaps "
            "remain. We mitigate disparities; we do not make a model 'unbiased'.",
            "Mengubah ambang batas tidak menghapus bias label atau proksi, dan selisih lain tetap "
            "ada. Kita memitigasi selisih; kita tidak membuat model 'bebas bias'.",
        ),
        (
            "Fairness is solved for this lender.",
            "Masalah keadilan pemberi pinjaman ini sudah selesai.",
            False,
            "Fairness is sociotechnical and never 'solved' by one number: the data, the process, "
            "appeals and who decides also matter.",
            "Keadilan bersifat sosioteknis dan tidak pernah 'selesai' oleh satu angka: data, "
            "proses, mekanisme keberatan dan siapa yang memutuskan juga penting.",
        ),
    ),
)

#: Where the choices of each question stand on the page (indices into the order written above),
#: so that the right answer is not always in the same place; tests/unit/test_quiz.py checks it.
CHOICE_ORDER: dict[str, tuple[int, ...]] = {
    "label-bias": (1, 0, 2),
    "unawareness": (0, 1, 2),
    "proxies": (0, 3, 1, 2),
    "tpr": (1, 2, 0, 3),
    "impossibility": (1, 2, 3, 0),
    "representation": (0, 2, 1),
    "harm": (2, 0, 1),
    "claims": (1, 2, 0),
}


def _arranged(question: Question) -> Question:
    order = CHOICE_ORDER.get(question.key)
    if order is None:
        return question
    if sorted(order) != list(range(len(question.choices))):
        raise ValueError(f"question {question.key!r}: CHOICE_ORDER is not a permutation")
    return replace(question, choices=tuple(question.choices[i] for i in order))


BIAS_QUIZ = tuple(_arranged(q) for q in BIAS_QUIZ)

_STATIC = Path(__file__).parent / "static"


@cache
def _asset(name: str) -> str:
    return (_STATIC / name).read_text(encoding="utf-8")


def quiz_css() -> str:
    """The quiz's style sheet (``etika/static/etika-quiz.css``), embedded in every quiz."""
    return _asset("etika-quiz.css")


_counter = itertools.count(1)


def _quiz_id(questions) -> str:
    digest = hashlib.sha1("|".join(q.key for q in questions).encode()).hexdigest()[:6]
    return f"etq-{digest}-{next(_counter)}"


def _verdict_key(question: Question, choice: Choice) -> str:
    if question.multiple:
        return "quiz.applies" if choice.correct else "quiz.does_not_apply"
    return "quiz.correct" if choice.correct else "quiz.incorrect"


def quiz_html(questions=BIAS_QUIZ, lang: str | None = None, id_prefix: str | None = None) -> str:
    """The quiz as one HTML snippet with instant feedback, which works without JavaScript.

    Every element id is prefixed with ``id_prefix`` (default: unique per call), so two
    quizzes, or the same quiz twice, can share a page. Each question has its own
    ``aria-live="polite"`` region, filled by the embedded script when an answer is chosen.
    """
    lang = lang or current_language()
    prefix = id_prefix or _quiz_id(questions)
    parts = [
        f'<div class="etika-quiz" id="{prefix}" lang="{lang}"><style>{quiz_css()}</style>',
        f"<h3>{escape(t('quiz.title', lang))}</h3>",
    ]
    for qi, q in enumerate(questions, start=1):
        q.validate()
        kind = "checkbox" if q.multiple else "radio"
        hint = t("quiz.choose_all" if q.multiple else "quiz.choose_one", lang)
        name = f"{prefix}-q{qi}"
        parts.append(
            f'<fieldset id="{name}"><legend>{escape(t("quiz.question", lang, n=qi))}</legend>'
            f'<p class="etika-prompt">{escape(q.prompt[lang])} <em>{escape(hint)}</em></p>'
        )
        for ci, c in enumerate(q.choices):
            cid = f"{name}-c{ci}"
            cls = "is-correct" if c.correct else "is-incorrect"
            right = " data-correct" if c.correct else ""
            parts.append(
                f'<div class="etika-choice"><input type="{kind}" id="{cid}" name="{name}"'
                f' value="{ci}"{right}>'
                f'<label for="{cid}">{escape(c.text[lang])}</label>'
                f'<div class="etika-feedback {cls}"><strong>'
                f"{escape(t(_verdict_key(q, c), lang))}</strong> "
                f"{escape(c.explanation[lang])}</div></div>"
            )
        if q.multiple:
            parts.append(
                f'<p class="etika-missed">{escape(t("quiz.missed", lang))}</p>'
                f'<p class="etika-complete">{escape(t("quiz.all_found", lang))}</p>'
            )
        parts.append('<div class="etika-live" aria-live="polite" role="status"></div></fieldset>')
    script = _asset("etika-quiz.js").replace("__QUIZ_ID__", prefix)
    parts.append(f"<script>{script}</script></div>")
    return "".join(parts)


def check_answer(
    question: Question, selected: list[int] | tuple[int, ...], lang: str | None = None
) -> str:
    """Feedback HTML for the chosen choice indices (the widget view's feedback).

    An overall verdict, then a verdict and the explanation for every chosen answer; in a
    question with several right answers, a note when a right answer was not chosen.
    """
    lang = lang or current_language()
    if not selected:
        return f"<p>{escape(t('quiz.none_selected', lang))}</p>"
    right = {i for i, c in enumerate(question.choices) if c.correct}
    chosen = set(selected)
    verdict = t("quiz.correct" if chosen == right else "quiz.incorrect", lang)
    items = "".join(
        f"<li><strong>{escape(t(_verdict_key(question, c), lang))}</strong> "
        f"{escape(c.text[lang])}: {escape(c.explanation[lang])}</li>"
        for c in (question.choices[i] for i in sorted(chosen))
    )
    missed = ""
    if question.multiple and right - chosen:
        missed = f"<p>{escape(t('quiz.missed', lang))}</p>"
    return f"<p><strong>{escape(verdict)}</strong></p><ul>{items}</ul>{missed}"


def quiz_widget(questions=BIAS_QUIZ, lang: str | None = None):
    """The quiz as ipywidgets (a VBox): per question, choices, a Check button and feedback."""
    import ipywidgets as w

    lang = lang or current_language()
    boxes = [w.HTML(f"<h3>{escape(t('quiz.title', lang))}</h3>")]
    for qi, q in enumerate(questions, start=1):
        q.validate()
        hint = t("quiz.choose_all" if q.multiple else "quiz.choose_one", lang)
        prompt = w.HTML(
            f"<p><strong>{escape(t('quiz.question', lang, n=qi))}</strong> "
            f"{escape(q.prompt[lang])} <em>{escape(hint)}</em></p>"
        )
        if q.multiple:
            picks = [
                w.Checkbox(description=c.text[lang], indent=False, layout=w.Layout(width="100%"))
                for c in q.choices
            ]
            chooser = w.VBox(picks)

            def selected(picks=picks):
                return [i for i, p in enumerate(picks) if p.value]
        else:
            chooser = w.RadioButtons(
                options=[(c.text[lang], i) for i, c in enumerate(q.choices)],
                value=None,
                layout=w.Layout(width="100%"),
            )

            def selected(chooser=chooser):
                return [] if chooser.value is None else [chooser.value]

        feedback = w.HTML()
        button = w.Button(description=t("quiz.check", lang))

        def on_click(_b, q=q, selected=selected, feedback=feedback):
            feedback.value = check_answer(q, selected(), lang)

        button.on_click(on_click)
        boxes.append(w.VBox([prompt, chooser, button, feedback]))
    return w.VBox(boxes)


def show_quiz(questions=BIAS_QUIZ, lang: str | None = None) -> None:
    """Display a quiz in a notebook: static HTML with ``ETIKA_STATIC=1``, widgets otherwise.

    Returns nothing, so that a cell ending in ``show_quiz(...)`` shows the quiz once.
    """
    from IPython.display import HTML, display

    if os.environ.get("ETIKA_STATIC", "") == "1":
        obj = HTML(quiz_html(questions, lang=lang))
    else:
        obj = quiz_widget(questions, lang=lang)
    display(obj)
