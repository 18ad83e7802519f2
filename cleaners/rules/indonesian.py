"""Boilerplate of the Indonesian news genre: inserts, promos, widgets and footers any Indonesian news
page may print (shared/research/sites.md §5 and §7). A site profile adds the rules of its own template."""

from __future__ import annotations

from .base import DROP, END, Rule, rule

#: Section names of Indonesian news menus (for recognising a menu line).
SECTION_NAMES = (
    "Nasional|Internasional|Dunia|Regional|Daerah|Metro|Megapolitan|Ekonomi|Bisnis|Keuangan|Olahraga|Sport|"
    "Sports|Bola|Hiburan|Seleb|Selebriti|Entertainment|Lifestyle|Gaya|Teknologi|Tekno|Otomotif|Kesehatan|"
    "Health|Pendidikan|Edukasi|Wisata|Travel|Kuliner|Opini|Video|Foto|Politik|Hukum|Peristiwa|News|Berita|"
    "Agama|Sains|Properti|Humaniora|Jateng|Jatim|Jabar"
)

#: Rules of the genre, valid on any Indonesian news page.
INDONESIAN_RULES: tuple[Rule, ...] = (
    # In-body "read also" inserts: "Baca juga:", "Baca Juga :", "BacaJuga :", "Baca:", "Simak juga:".
    rule("read-also", DROP, r"^(baca|lihat|simak)\s*(juga|pula)?\s*:"),
    rule("read-also", DROP, r"^(artikel|berita)\s+terkait\s*:"),
    # "Read more" link labels.
    rule("read-more", DROP, r"^(baca|klik)\s+(selengkapnya|di\s*sini)\b.*$"),
    rule("read-more", DROP, r"^selengkapnya\s+(baca|klik|simak)\s+di\s*sini\b"),
    rule("read-more", DROP, r"^klik\s+di\s*sini\s+untuk\b"),
    rule("read-more", DROP, r"^(lanjut(kan)?\s+membaca|scroll\s+to\s+(continue|resume)|scroll\s+untuk\s+melanjutkan)\b"),
    # Recommendation / related headings standing alone on a line.
    rule("recommendation", DROP, r"^(berita|artikel|konten)\s+(rekomendasi|pilihan)$"),
    rule("recommendation", END, r"^rekomendasi(\s+untuk\s+anda)?$"),
    rule("related", END, r"^(berita|artikel|video)?\s*(terkait|lainnya|terbaru|terpopuler|populer|pilihan\s+editor)$"),
    rule("related", END, r"^(most\s+popular|related\s+(news|articles?)|more\s+stories)$"),
    # Related-title tables: "Title |" rows and "---|" separators.
    rule("related-table", END, r"^.{0,300}\s\|\s*$"),
    rule("related-table", END, r"^\s*(-{3,}\s*\|\s*)+$"),
    # Pagination.
    rule("pagination", END, r"^halaman$"),
    rule("pagination", END, r"^halaman\s+(\d+\s*(/|dari)\s*\d+|selanjutnya|berikutnya|sebelumnya)\b"),
    rule("pagination", END, r"^\d+\s+dari\s+\d+\s+halaman$"),
    rule("pagination", DROP, r"^(\d{1,3}\s*)+$"),
    rule("pagination", DROP, r"^(selanjutnya|sebelumnya|berikutnya|next|prev(ious)?|first|last)\s*[»›>]*$"),
    # Follow / subscribe / app promos.
    rule("follow", END, r"^(cek|simak|dapatkan|ikuti)\s+(berita|update|informasi|artikel)\b.*\b(google\s+news|whatsapp|telegram|channel)\b"),
    rule("follow", END, r"^cek\s+berita\s+dan\s+artikel\s+yang\s+lain\s+di\b"),
    rule("follow", DROP, r"^dapatkan\s+(berita|update)\s+(pilihan|terbaru|terkini)\b"),
    rule("follow", DROP, r"^(google\s+news|whatsapp|telegram|instagram|facebook|twitter|tiktok|youtube|line)$"),
    rule("follow", DROP, r"^(ikuti|follow)\s+(kami|media\s+sosial)\b"),
    rule("follow", END, r"^follow\s+us$"),
    rule("follow", DROP, r"^(gabung|bergabung)\s+(ke|di|dengan)\s+(channel|grup|saluran)\b"),
    rule("follow", DROP, r"^(install|unduh|download)\s+(aplikasi|app)\b"),
    rule("follow", DROP, r"^baca\s+(whatsapp|berita\s+di\s+whatsapp)\b"),
    rule("follow", DROP, r"^(share|bagikan)(\s+(artikel|berita)(\s+ini)?)?\s*:?$"),
    # Comment blocks and legal footers.
    rule("comments", END, r"^(kirim|tulis|lihat|tampilkan)\s+komentar\b"),
    rule("comments", END, r"^isi\s+komentar\s+sepenuhnya\s+(adalah\s+)?tanggung\s+jawab\b"),
    # The reader is asked for a reaction: "Bagaimana tanggapan Anda mengenai artikel ini?", "Bagaimana Komentarmu ?".
    rule("comments", END, r"^bagaimana\s+(komentar|tanggapan|reaksi|pendapat)(mu|\s+(anda|kamu))\b"),
    rule("comments", END, r"^(komentar|comments?)\s*(\(\d+\))?$"),
    rule("copyright", END, r"^(©|\(c\)\s|copyright\b)"),
    rule("copyright", END, r"\ball\s+rights?\s+reserved\b|\bhak\s+cipta\s+dilindungi\b"),
    # Editor initials closing a body: "(FJR)", "(wan/ugo)", "(*)".
    rule("editor-initials", DROP, r"^\(\s*(\*|[a-z]{2,5}(\s*[/,]\s*[a-z]{2,5})*)\s*\)$"),
    # Widgets and UI labels that text extraction leaves behind.
    rule("ui", DROP, r"^(aa|text\s+sizes?|small|medium|large|larger|a-|a\+)$"),
    rule("ui", DROP, r"^(advertisement|iklan|ads|sponsored|close\s+ads\s*x?|tutup\s+iklan|x)$"),
    rule("ui", DROP, r"^(loading\.*|memuat\.*|placeholder)$"),
    # Text of tracking pixels and hit counters (noscript fallbacks).
    rule("ui", DROP, r"^(comscore|histats(\.com)?|statcounter|free\s+web\s+hit\s+counter)$"),
    rule("ui", DROP, r"^(atas|ke\s+atas|back\s+to\s+top|kembali\s+ke\s+atas)$"),
    # Reaction buttons with their counts ("Happy1", "Sedih").
    rule("ui", DROP, r"^(happy|inspire|confuse|sad|senang|sedih|marah|terkejut|terinspirasi)\d*$"),
    rule("ui", DROP, r"^[\W_]+$"),
    # Breadcrumbs ("Beranda > Nasional > Politik", "Home / Baca / Peristiwa") and section menus: a run of
    # capitalised section names without sentence punctuation.
    rule("menu", DROP, r"^(home|beranda|index|indeks)\s*[>/»›|]"),
    rule("menu", DROP, rf"^(?=(?:.*\b(?:{SECTION_NAMES})\b){{3}})(?:[A-Z0-9][\w.&'-]*\s*)+$", flags=0),
    # A URL slug printed as text (an image alt some templates print under the date).
    rule("slug", DROP, r"^[a-z0-9]+(-[a-z0-9]+){3,}$", flags=0),
    rule("newsticker", DROP, r"^(newsticker|breaking\s+news|live\s+report|live\s+streaming)$"),
)
