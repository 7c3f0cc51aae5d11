"""The privacy chapter's self-check quiz (rendered by :mod:`etika.quiz`).

Questions ask for understanding; one asks the reader to read a number off the linkage demo, and
that number is the demo's own (:mod:`etika.privacy.figures`), in the reader's language. The
correct choice is not always in the same place. ``tests/unit/test_privacy_quiz.py`` checks the
claims the feedback makes.
"""

from __future__ import annotations

from functools import lru_cache

from etika.privacy.figures import formatted_figures
from etika.quiz import Question, _q

__all__ = ["privacy_quiz"]


@lru_cache(maxsize=1)
def privacy_quiz() -> tuple[Question, ...]:
    """The quiz's questions (built once: one question quotes a figure from the demos)."""
    en, id_ = formatted_figures("en"), formatted_figures("id")
    return (
        _q(
            "names-removed",
            "The NGO removed the names from its beneficiary list before publishing it. Is the "
            "list still personal data under UU No. 27 of 2022?",
            "LSM itu menghapus nama dari daftar penerimanya sebelum menerbitkannya. Apakah "
            "daftar itu masih data pribadi menurut UU No. 27 Tahun 2022?",
            (
                "No: without names nobody can be identified.",
                "Tidak: tanpa nama tidak ada yang dapat dikenali.",
                False,
                "Joined with the village roster, most rows match exactly one resident. Article 4 "
                "paragraph (3) counts data combined to identify a person as personal data.",
                "Jika ditautkan dengan daftar warga desa, sebagian besar baris cocok dengan tepat "
                "satu warga. Pasal 4 ayat (3) menganggap data yang dikombinasikan untuk "
                "mengidentifikasi seseorang sebagai data pribadi.",
            ),
            (
                "Yes: combined with other data it identifies people.",
                "Ya: jika dikombinasikan dengan data lain, daftar itu mengidentifikasi orang.",
                True,
                "Right. Village, age, sex, household size and occupation are quasi-identifiers: "
                "together they single most people out.",
                "Benar. Desa, usia, gender, jumlah anggota rumah tangga dan pekerjaan "
                "adalah kuasi-identifier: bersama-sama mereka menunjuk sebagian besar orang.",
            ),
            (
                "Only if it contains phone numbers.",
                "Hanya jika berisi nomor telepon.",
                False,
                "A phone number is one identifier among many; ordinary columns together can "
                "identify a person just as well.",
                "Nomor telepon hanyalah satu dari banyak identifier; kolom-kolom biasa bersama-"
                "sama juga dapat mengidentifikasi seseorang.",
            ),
        ),
        _q(
            "read-the-demo",
            "In the linkage demo, choose 10-year age bands and \u201cdistrict only\u201d, keep "
            "every other column and do not withhold rows. How many people are re-identified?",
            "Pada demo penautan, pilih kelompok usia 10 tahun dan \u201ckecamatan saja\u201d, "
            "biarkan kolom lain tetap dicantumkan dan jangan tahan baris. Berapa orang yang "
            "teridentifikasi ulang?",
            (
                "None: coarsening protects everyone.",
                "Tidak ada: pengasaran melindungi semua orang.",
                False,
                f"The demo still shows {en['pv_reid_coarse']}: people alone in their group "
                "are still matched to one resident.",
                f"Demo masih menunjukkan {id_['pv_reid_coarse']}: orang yang sendirian di "
                "kelompoknya tetap cocok dengan satu warga.",
            ),
            (
                f"All {en['pv_n_listed']}.",
                f"Semua {id_['pv_n_listed']}.",
                False,
                "Coarsening does put many people into groups; not everyone is re-identified.",
                "Pengasaran memang memasukkan banyak orang ke dalam kelompok; tidak semua "
                "teridentifikasi ulang.",
            ),
            (
                f"{en['pv_reid_coarse']}.",
                f"{id_['pv_reid_coarse']}.",
                True,
                f"Right: {en['pv_reid_coarse_share']} of the list, and k is still "
                f"{en['pv_k_coarse']}.",
                f"Benar: {id_['pv_reid_coarse_share']} dari daftar, dan k masih "
                f"{id_['pv_k_coarse']}.",
            ),
        ),
        _q(
            "l-diversity",
            "A published list is 5-anonymous. What can an attacker still learn?",
            "Sebuah daftar yang diterbitkan bersifat 5-anonim. Apa yang masih dapat diketahui "
            "penyerang?",
            (
                "Which aid a neighbour receives, if everyone in her group receives the same.",
                "Bantuan apa yang diterima tetangga, jika semua orang di kelompoknya menerima "
                "bantuan yang sama.",
                True,
                "Right: k-anonymity hides which row is hers, not what her group shares. "
                "l-diversity asks for several different values in each group.",
                "Benar: k-anonimitas menyembunyikan baris mana miliknya, bukan apa yang sama "
                "di kelompoknya. l-diversitas meminta beberapa nilai berbeda di setiap kelompok.",
            ),
            (
                "Nothing: five people per group make every row safe.",
                "Tidak ada: lima orang per kelompok membuat setiap baris aman.",
                False,
                "If the five share the sensitive value, knowing someone is among them reveals it.",
                "Jika kelima orang itu memiliki nilai sensitif yang sama, mengetahui seseorang "
                "ada di antara mereka sudah mengungkapkannya.",
            ),
            (
                "The names of all five people in every group.",
                "Nama kelima orang di setiap kelompok.",
                False,
                "The attacker may know who the five are from the roster, but not which row "
                "belongs to whom.",
                "Penyerang mungkin tahu siapa kelima orang itu dari daftar warga, tetapi tidak "
                "tahu baris mana milik siapa.",
            ),
        ),
        _q(
            "epsilon",
            "The NGO lowers \u03b5 for its published counts. What happens?",
            "LSM menurunkan \u03b5 untuk hitungan yang diterbitkannya. Apa yang terjadi?",
            (
                "The counts become more accurate and safer.",
                "Hitungan menjadi lebih akurat dan lebih aman.",
                False,
                "Safer, but less accurate: a smaller \u03b5 means more noise.",
                "Lebih aman, tetapi kurang akurat: \u03b5 yang lebih kecil berarti derau lebih "
                "banyak.",
            ),
            (
                "Nothing changes for the attacker.",
                "Tidak ada yang berubah bagi penyerang.",
                False,
                f"The attacker's success falls: {en['pv_attack_1_00']} at \u03b5 = "
                f"{en['pv_eps_1_00']}, {en['pv_attack_0_10']} at \u03b5 = {en['pv_eps_0_10']}.",
                f"Keberhasilan penyerang turun: {id_['pv_attack_1_00']} pada \u03b5 = "
                f"{id_['pv_eps_1_00']}, {id_['pv_attack_0_10']} pada \u03b5 = "
                f"{id_['pv_eps_0_10']}.",
            ),
            (
                "More noise: one person is better protected, readers see larger errors.",
                "Derau lebih banyak: satu orang lebih terlindungi, pembaca melihat kesalahan lebih "
                "besar.",
                True,
                "Right: privacy and accuracy are traded through \u03b5; the choice should be "
                "written down and published.",
                "Benar: privasi dan akurasi dipertukarkan melalui \u03b5; pilihannya perlu "
                "dicatat dan diumumkan.",
            ),
        ),
        _q(
            "paste",
            "A shop owner wants a chatbot to write a promotion from last month's orders, with "
            "customers' names and phone numbers. What should she do?",
            "Seorang pemilik toko ingin chatbot menulis promosi dari pesanan bulan lalu, "
            "lengkap dengan nama dan nomor telepon pelanggan. Apa yang sebaiknya ia lakukan?",
            (
                "Paste it: the chatbot forgets everything after the chat.",
                "Tempelkan saja: chatbot melupakan semuanya setelah percakapan.",
                False,
                "What is pasted into a public chatbot leaves the shop and may be kept or used "
                "for training.",
                "Apa yang ditempelkan ke chatbot publik keluar dari toko dan dapat disimpan "
                "atau dipakai untuk pelatihan.",
            ),
            (
                "Remove names and numbers first and paste only what the promotion needs.",
                "Hapus nama dan nomor terlebih dahulu dan tempelkan hanya yang dibutuhkan promosi.",
                True,
                "Right: products and quantities are enough to write a promotion.",
                "Benar: produk dan jumlahnya sudah cukup untuk menulis promosi.",
            ),
            (
                "Paste it, but ask the chatbot to keep it secret.",
                "Tempelkan, tetapi minta chatbot merahasiakannya.",
                False,
                "A request in the chat does not change what the service does with the data.",
                "Permintaan di dalam percakapan tidak mengubah apa yang dilakukan layanan itu "
                "terhadap data.",
            ),
        ),
        _q(
            "breach",
            "The NGO finds that its unprotected list was downloaded by strangers. What does "
            "Article 46 require?",
            "LSM mendapati daftarnya yang tidak terlindungi diunduh oleh orang tak dikenal. "
            "Apa yang diwajibkan Pasal 46?",
            (
                "Written notice within three times twenty-four hours to the people concerned "
                "and the supervisory agency.",
                "Pemberitahuan tertulis paling lambat tiga kali dua puluh empat jam kepada "
                "orang yang bersangkutan dan lembaga pengawas.",
                True,
                "Right: saying which data were exposed, when and how, and what is being done.",
                "Benar: menyebutkan data apa yang terungkap, kapan dan bagaimana, serta apa "
                "yang sedang dilakukan.",
            ),
            (
                "Nothing, as long as the list had no names.",
                "Tidak ada, selama daftar itu tanpa nama.",
                False,
                "Combined with the roster the list identifies people: it is personal data.",
                "Jika dikombinasikan dengan daftar warga, daftar itu mengidentifikasi orang: "
                "itu data pribadi.",
            ),
            (
                "A notice within thirty days, to the police only.",
                "Pemberitahuan dalam tiga puluh hari, hanya kepada polisi.",
                False,
                "The law sets three times twenty-four hours, and the people concerned must be "
                "told.",
                "Undang-undang menetapkan tiga kali dua puluh empat jam, dan orang yang "
                "bersangkutan harus diberi tahu.",
            ),
        ),
    )
