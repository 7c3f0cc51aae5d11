"""The transparency chapter's self-check quiz (rendered by :mod:`etika.quiz`).

Questions ask for understanding; one asks the reader to read a number off the first demo, and
that number is the demo's own (:mod:`etika.transparency.figures`), in the reader's language.
The correct choice is not always in the same place. ``tests/unit/test_transparency_quiz.py``
checks the claims the feedback makes.
"""

from __future__ import annotations

from functools import lru_cache

from etika.quiz import Question, _q
from etika.transparency.figures import formatted_figures

__all__ = ["transparency_quiz"]


@lru_cache(maxsize=1)
def transparency_quiz() -> tuple[Question, ...]:
    """The quiz's questions (built once: one question quotes a figure from the demos)."""
    en, id_ = formatted_figures("en"), formatted_figures("id")
    return (
        _q(
            "local-or-global",
            "Sari was refused and asks: why me? Which explanation answers her question?",
            "Sari ditolak dan bertanya: mengapa saya? Penjelasan mana yang menjawab pertanyaannya?",
            (
                "The permutation importance of the model's columns.",
                "Kepentingan permutasi kolom-kolom model.",
                False,
                "That is a global explanation: what the model relies on for everyone. It does "
                "not say what decided her application.",
                "Itu penjelasan global: apa yang diandalkan model untuk semua orang. Penjelasan "
                "itu tidak mengatakan apa yang menentukan pengajuannya.",
            ),
            (
                "The contributions of her own application's columns to her score.",
                "Kontribusi kolom-kolom pengajuannya sendiri terhadap skornya.",
                True,
                "A local explanation describes one decision. For her, the short credit history "
                "pushes the score down the most.",
                "Penjelasan lokal menggambarkan satu keputusan. Baginya, riwayat kredit yang "
                "pendek paling kuat mendorong skor turun.",
            ),
            (
                "The model's accuracy on held-out data.",
                "Akurasi model pada data uji.",
                False,
                "Accuracy says how often the model agrees with past decisions overall, not why "
                "it refused her.",
                "Akurasi mengatakan seberapa sering model sama dengan keputusan masa lalu secara "
                "keseluruhan, bukan mengapa ia ditolak.",
            ),
        ),
        _q(
            "read-the-demo",
            "In the first demo, choose Sari and tick \u201cStart selling on a marketplace\u201d, "
            "changing nothing else. What score does the model give her?",
            "Pada demo pertama, pilih Sari dan centang \u201cMulai berjualan di "
            "marketplace\u201d, tanpa mengubah yang lain. Berapa skor yang diberikan model?",
            (
                en["tr_sari_score"],
                id_["tr_sari_score"],
                False,
                "That is her score as she applied, before the change.",
                "Itu skornya saat mengajukan, sebelum perubahan.",
            ),
            (
                en["tr_threshold"],
                id_["tr_threshold"],
                False,
                "That is the lender's threshold, the same for everyone.",
                "Itu ambang batas pemberi pinjaman, sama untuk semua orang.",
            ),
            (
                en["tr_sari_fixed_score"],
                id_["tr_sari_fixed_score"],
                True,
                "Selling on a marketplace alone lifts her above the threshold: the smallest "
                "change that approves her.",
                "Berjualan di marketplace saja sudah mengangkatnya melewati ambang batas: "
                "perubahan terkecil yang membuatnya disetujui.",
            ),
        ),
        _q(
            "immutable",
            "Yohanes would be approved if he lived in a town instead of a village. What should "
            "the lender do with this counterfactual?",
            "Yohanes akan disetujui seandainya ia tinggal di kota, bukan di desa. Apa yang "
            "sebaiknya dilakukan pemberi pinjaman dengan penjelasan kontrafaktual ini?",
            (
                "Advise him to move to a town.",
                "Menyarankan ia pindah ke kota.",
                False,
                "Where a farmer lives is not something he can change on request: this is not "
                "recourse.",
                "Tempat tinggal seorang petani bukan hal yang dapat ia ubah begitu saja: ini "
                "bukan jalan pemulihan.",
            ),
            (
                "Nothing: the model is accurate, so the decision stands.",
                "Tidak ada: model akurat, jadi keputusan tetap.",
                False,
                "The model is accurate at copying past officers, who were biased against "
                "rural applicants. Accuracy does not answer the question.",
                "Model akurat dalam meniru petugas masa lalu, yang bias terhadap pemohon "
                "perdesaan. Akurasi tidak menjawab pertanyaannya.",
            ),
            (
                "Treat it as a warning: review whether the village should count against him, "
                "and tell him what he can change and how to object.",
                "Menganggapnya sebagai peringatan: meninjau apakah desa pantas memberatkannya, "
                "dan memberi tahu apa yang dapat ia ubah serta cara mengajukan keberatan.",
                True,
                "A decision that flips only on something a person cannot change is a question "
                "for the lender, not advice for the applicant.",
                "Keputusan yang hanya berbalik karena hal yang tidak dapat diubah seseorang "
                "adalah pertanyaan bagi pemberi pinjaman, bukan saran bagi pemohon.",
            ),
        ),
        _q(
            "importance-proxy",
            "The model relies most on credit history and almost not at all on the "
            "head-of-household flag, which predicts gender well. Does it treat women and men "
            "alike?",
            "Model paling bergantung pada riwayat kredit dan hampir tidak sama sekali pada "
            "penanda kepala rumah tangga, yang memprediksi gender dengan baik. Apakah model "
            "memperlakukan perempuan dan laki-laki dengan sama?",
            (
                "Not necessarily: credit history is where women's past lack of access to loans "
                "is stored. Measure the decisions per group.",
                "Belum tentu: riwayat kredit menyimpan kurangnya akses perempuan terhadap "
                "pinjaman di masa lalu. Ukur keputusannya per kelompok.",
                True,
                "The model card shows it: women repay more often than men, yet are approved "
                "less often.",
                "Kartu model menunjukkannya: perempuan lebih sering melunasi daripada "
                "laki-laki, tetapi lebih jarang disetujui.",
            ),
            (
                "Yes: the column that predicts gender has no importance.",
                "Ya: kolom yang memprediksi gender tidak punya kepentingan.",
                False,
                "Low importance clears no column, and other columns can carry the same "
                "disadvantage.",
                "Kepentingan yang rendah tidak membebaskan kolom mana pun, dan kolom lain bisa "
                "membawa kerugian yang sama.",
            ),
            (
                "Yes: the model never sees the gender column.",
                "Ya: model tidak pernah melihat kolom gender.",
                False,
                "Removing the column does not remove what the data carry about gender; the "
                "bias chapter shows the gap remains.",
                "Menghapus kolom tidak menghapus apa yang dibawa data tentang gender; bab bias "
                "menunjukkan selisihnya tetap ada.",
            ),
        ),
        _q(
            "rashomon",
            "Three models are about equally accurate but rank the columns differently. What "
            "follows?",
            "Tiga model kurang lebih sama akuratnya tetapi mengurutkan kolom secara berbeda. "
            "Apa artinya?",
            (
                "The most accurate model's ranking is the truth about applicants.",
                "Urutan model yang paling akurat adalah kebenaran tentang pemohon.",
                False,
                "Their accuracies hardly differ; none of them is the truth about applicants.",
                "Akurasinya hampir tidak berbeda; tidak satu pun yang merupakan kebenaran "
                "tentang pemohon.",
            ),
            (
                "An explanation describes one model, not the world; ask which model decided.",
                "Sebuah penjelasan menggambarkan satu model, bukan dunia; tanyakan model mana "
                "yang memutuskan.",
                True,
                "Equally good models can rely on different columns, so an explanation must "
                "name the model it explains.",
                "Model yang sama baiknya bisa bergantung pada kolom yang berbeda, jadi "
                "penjelasan harus menyebut model yang dijelaskannya.",
            ),
            (
                "Permutation importance is broken and should not be used.",
                "Kepentingan permutasi rusak dan tidak boleh dipakai.",
                False,
                "It measures each model correctly; the models really do differ.",
                "Ukuran itu mengukur setiap model dengan benar; model-modelnya memang berbeda.",
            ),
        ),
        _q(
            "fairwashing",
            "A lender publishes a short explanation of its model that looks fair. What should "
            "an auditor ask for?",
            "Sebuah pemberi pinjaman menerbitkan penjelasan singkat tentang modelnya yang "
            "tampak adil. Apa yang sebaiknya diminta auditor?",
            (
                "The results per group on held-out data, and evidence that the explanation "
                "matches the model that decides.",
                "Hasil per kelompok pada data uji, dan bukti bahwa penjelasan itu sesuai dengan "
                "model yang memutuskan.",
                True,
                "An explanation can be built to look fair while hiding what the model relies "
                "on (fairwashing); outcomes per group are harder to dress up.",
                "Penjelasan dapat dibuat agar tampak adil sambil menyembunyikan apa yang "
                "diandalkan model (fairwashing); hasil per kelompok lebih sulit dipoles.",
            ),
            (
                "Nothing more: a published explanation is proof of fairness.",
                "Tidak ada lagi: penjelasan yang diterbitkan adalah bukti keadilan.",
                False,
                "An explanation is a claim to check, not a proof.",
                "Penjelasan adalah klaim yang perlu diperiksa, bukan bukti.",
            ),
            (
                "A longer explanation with more columns.",
                "Penjelasan yang lebih panjang dengan lebih banyak kolom.",
                False,
                "Length is not evidence; the question is whether the decisions are fair.",
                "Panjangnya bukan bukti; pertanyaannya adalah apakah keputusannya adil.",
            ),
        ),
        _q(
            "law",
            "The app refused Sari with no person involved. What does UU No. 27 Tahun 2022 "
            "give her?",
            "Aplikasi menolak Sari tanpa melibatkan manusia. Apa yang diberikan UU No. 27 "
            "Tahun 2022 kepadanya?",
            (
                "A general right to a full explanation of the model.",
                "Hak umum atas penjelasan lengkap tentang model.",
                False,
                "The law has no general right to an explanation.",
                "Undang-undang itu tidak memuat hak umum atas penjelasan.",
            ),
            (
                "The right to object to a decision based only on automated processing with a "
                "significant impact (Pasal 10 ayat (1)), and to access and correct her data.",
                "Hak mengajukan keberatan atas keputusan yang hanya didasarkan pada pemrosesan "
                "otomatis dan berdampak signifikan (Pasal 10 ayat (1)), serta hak mengakses dan "
                "memperbaiki datanya.",
                True,
                "These are rights in the law itself, not guidance.",
                "Ini hak dalam undang-undang itu sendiri, bukan pedoman.",
            ),
            (
                "Nothing: only the ministry's circular on AI ethics covers AI.",
                "Tidak ada: hanya surat edaran menteri tentang etika AI yang mengatur AI.",
                False,
                "The circular is guidance and does not bind; the data-protection law does.",
                "Surat edaran itu pedoman dan tidak mengikat; undang-undang pelindungan data "
                "pribadi mengikat.",
            ),
        ),
        _q(
            "labelling",
            "A warung owner makes a picture of her dish with an AI image app for her online "
            "menu. What is good practice?",
            "Seorang pemilik warung membuat gambar masakannya dengan aplikasi gambar AI untuk "
            "menu daringnya. Apa praktik yang baik?",
            (
                "Post it as a photo; customers will not notice.",
                "Unggah sebagai foto; pelanggan tidak akan sadar.",
                False,
                "A picture that shows the dish as it is not misleads customers.",
                "Gambar yang menampilkan masakan tidak sesuai aslinya menyesatkan pelanggan.",
            ),
            (
                "Label it as made with AI and make sure it shows the dish as it really is.",
                "Beri label bahwa gambar dibuat dengan AI dan pastikan gambar itu menampilkan "
                "masakan sesuai aslinya.",
                True,
                "Honest labelling is simple and keeps customers' trust.",
                "Label yang jujur itu mudah dan menjaga kepercayaan pelanggan.",
            ),
            (
                "Only the press must label AI content, so nothing is needed.",
                "Hanya pers yang wajib memberi label pada konten AI, jadi tidak perlu apa-apa.",
                False,
                "The Press Council's rule binds the press, but honesty with customers is good "
                "practice for everyone.",
                "Aturan Dewan Pers mengikat pers, tetapi kejujuran kepada pelanggan adalah "
                "praktik yang baik bagi semua orang.",
            ),
        ),
    )
