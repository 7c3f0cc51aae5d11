"""Every string of the site's shell (header, menus, footer, theme controls), in both languages.

The chapter text is translated in ``book/locales``; these are the words around it, which the
theme would otherwise print in English on Indonesian pages. ``tests/browser/test_shell.py``
checks that no English string of the theme's own templates survives on an Indonesian page.
"""

from __future__ import annotations

UI: dict[str, dict[str, str]] = {
    "skip": {"en": "Skip to main content", "id": "Langsung ke isi utama"},
    "menu": {"en": "Menu", "id": "Menu"},
    "menu.label": {"en": "Course menu", "id": "Menu kursus"},
    "contents": {"en": "On this page", "id": "Di halaman ini"},
    "contents.label": {"en": "Contents of this page", "id": "Daftar isi halaman ini"},
    "close": {"en": "Close", "id": "Tutup"},
    "search": {"en": "Search the course", "id": "Cari di kursus"},
    "search.button": {"en": "Search", "id": "Cari"},
    "theme": {"en": "Colour theme", "id": "Tema warna"},
    "theme.auto": {"en": "as the device", "id": "ikuti perangkat"},
    "theme.light": {"en": "light", "id": "terang"},
    "theme.dark": {"en": "dark", "id": "gelap"},
    "theme.change": {"en": "press to change", "id": "tekan untuk mengganti"},
    "back_to_top": {"en": "Back to top", "id": "Kembali ke atas"},
    "next": {"en": "Next", "id": "Berikutnya"},
    "previous": {"en": "Previous", "id": "Sebelumnya"},
    "home": {"en": "Home", "id": "Beranda"},
    "nav.sections": {
        "en": "Show or hide the sections of",
        "id": "Tampilkan atau sembunyikan bagian",
    },
    "footer.made": {
        "en": "Made with Sphinx, Jupyter Book and Furo",
        "id": "Dibuat dengan Sphinx, Jupyter Book, dan Furo",
    },
    "footer.by": {"en": "By {author}", "id": "Oleh {author}"},
    "author": {"en": "the Etika AI contributors", "id": "para kontributor Etika AI"},
    "license": {
        "en": "Text CC BY 4.0, code MIT",
        "id": "Teks CC BY 4.0, kode MIT",
    },
    "lang.nav": {"en": "Language", "id": "Bahasa"},
    "lang.switch": {"en": "Baca dalam Bahasa Indonesia", "id": "Read in English"},
    "lang.short": {"en": "Bahasa Indonesia", "id": "English"},
    "download.ipynb": {"en": "Download notebook (.ipynb)", "id": "Unduh notebook (.ipynb)"},
    "toggle.show": {"en": "Show the code", "id": "Tampilkan kode"},
    "toggle.hide": {"en": "Hide the code", "id": "Sembunyikan kode"},
}


def ui(lang: str) -> dict[str, str]:
    """The shell's strings in ``lang``, keyed as in :data:`UI`."""
    return {key: entry[lang] for key, entry in UI.items()}
