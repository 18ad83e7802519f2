"""Boilerplate of the Indonesian news genre: inserts, promos, widgets and footers any Indonesian news
page may print (shared/research/sites.md §5 and §7). A site profile adds the rules of its own template."""

from __future__ import annotations

import re

from .base import (
    DROP,
    END,
    Rule,
    all_of,
    at_most_chars,
    ends_with_any,
    holds_any,
    holds_count,
    holds_match,
    rule,
    words_start_with,
)

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
    # The heading of a read-also card or box whose linked titles a text extraction left out or put on
    # lines of their own ("Baca Juga", "BACA JUGA" with no colon; sites.md §7).
    rule("read-also", DROP, r"^(baca|lihat|simak)\s*(juga|pula)$"),
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
    # "More of the same" widget headings: "Simak Berita Populer Lainnya", "Baca Artikel Terbaru Lainnya",
    # and headings that end with their "see all" link: "Berita Terbaru Index »", "Terpopuler Lihat Semua".
    rule("related", END, r"^(simak|baca|lihat)\s+(\w+\s+){0,3}(populer|terpopuler|terbaru|terkini|pilihan)?\s*lainnya$"),
    rule("related", END, r"^.{0,40}\b(index|indeks|lihat\s+semua)\s*[»›>]+$", requires=ends_with_any("»›>")),
    # Related-title tables: "Title |" rows and "---|" separators. A row that opens with "|" is a data
    # table of the article itself as text extraction writes tables ("| Pos | Nama | Poin |"): not matched.
    rule("related-table", END, r"^(?!\s*\|).{0,300}\s\|\s*$", requires=holds_any("|")),
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
    # Comment counters: "0 Komentar", "12 Comments".
    rule("comments", END, r"^\d+\s+(komentar|comments?)$"),
    rule("copyright", END, r"^(©|\(c\)\s|copyright\b)"),
    # A copyright notice is a short footer line; a sentence that mentions copyright is text.
    rule("copyright", END, r"^(?=.{0,160}$)(?!.*[.!?]\s+\S).*(\ball\s+rights?\s+reserved\b|\bhak\s+cipta\s+dilindungi\b)",
         requires=all_of(at_most_chars(160), holds_match("reserved|cipta"))),
    # Editor initials closing a body: "(FJR)", "(wan/ugo)", "(*)".
    rule("editor-initials", DROP, r"^\(\s*(\*|[a-z]{2,5}(\s*[/,]\s*[a-z]{2,5})*)\s*\)$"),
    # Photo and video credits on a line of their own: "Fotografer: Nama", "Foto: Dok. Humas", "Video: Nama".
    # (A writer is a byline; the photographer is not an author.)
    rule("photo-credit", DROP, r"^(fotografer|foto|videografer|video|kameramen|juru\s+kamera)\s*:\s*[^:]{1,59}[^.:]$"),
    # The newsroom's contact lines in the footer: "Redaksi: redaksi[at]situs.com", "hubungi : iklan@situs.com".
    rule("contact", DROP, r"^(redaksi|hubungi|kontak\s+redaksi|email|e-mail|surel)\s*:\s*\S*(@|\[at\])\S*$"),
    rule("contact", DROP, r"^informasi\s+pemasangan\s+iklan$"),
    # Teaser items of "latest"/"popular" widgets as text extraction leaves them: a rank, the date and time,
    # then a headline ("02Kamis, 05/11/2015 09:32 WIB Judul Berita Lain", "Senin, 14/10/2024 10:15 WIB Judul").
    rule("dated-teaser", DROP,
         r"^\d{0,2}\s*(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu),?\s+\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}[:.]\d{2}"
         r"(\s*(wib|wita|wit)\b)*\s+(?!(wib|wita|wit)\b)[^.]{3,140}$"),
    # Widgets and UI labels that text extraction leaves behind.
    rule("ui", DROP, r"^(aa|text\s+sizes?|small|medium|large|larger|a-|a\+)$"),
    rule("ui", DROP, r"^(advertisement|iklan|ads|sponsored|close\s+ads\s*x?|tutup\s+iklan|x)$"),
    rule("ui", DROP, r"^(loading\.*|memuat\.*|placeholder)$"),
    # Text of tracking pixels and hit counters (noscript fallbacks).
    rule("ui", DROP, r"^(comscore|histats(\.com)?|statcounter|free\s+web\s+hit\s+counter)$"),
    rule("ui", DROP, r"^(atas|ke\s+atas|back\s+to\s+top|kembali\s+ke\s+atas)$"),
    rule("ui", DROP, r"^(close|tutup|lihat\s+semua|load\s+more|muat\s+lebih\s+banyak)$"),
    # Reaction buttons with their counts ("Happy1", "Sedih").
    rule("ui", DROP, r"^(happy|inspire|confuse|sad|senang|sedih|marah|terkejut|terinspirasi)\d*$"),
    rule("ui", DROP, r"^[\W_]+$"),
    # Breadcrumbs ("Beranda > Nasional > Politik", "Home / Baca / Peristiwa") and section menus: a run of
    # capitalised section names without sentence punctuation.
    rule("menu", DROP, r"^(home|beranda|index|indeks)\s*[>/»›|]"),
    # Footer and header link rows: four or more short items between "·", "|" or "•" separators.
    rule("menu", DROP, r"^([^·|•]{1,30}\s[·|•]\s+){3,}[^·|•]{1,30}$", requires=holds_count("·|•", 3)),
    rule("menu", DROP, rf"^(?=(?:.*\b(?:{SECTION_NAMES})\b){{3}})(?:[A-Z0-9][\w.&'-]*\s*)+$", flags=0,
         requires=words_start_with("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")),
    # A URL slug printed as text (an image alt some templates print under the date).
    rule("slug", DROP, r"^[a-z0-9]+(-[a-z0-9]+){3,}$", flags=0),
    rule("newsticker", DROP, r"^(newsticker|breaking\s+news|live\s+report|live\s+streaming)$"),
)

#: Link labels glued to the end of a paragraph by text extraction ("... terguling di tikungan. Klik di sini
#: untuk m", "... kata dia. Baca selengkapnya di sini"): the paragraph stays, the label goes. Only after
#: a sentence end, and only as the line's last words (a label standing alone is a `read-more` rule).
GLUED_PROMOS: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?<=[.!?\"”’])\s+(?:(?:baca|klik|simak)\s+(?:selengkapnya|di\s*sini)|"
               r"selengkapnya\s+(?:baca|klik|simak)\s+di\s*sini)\b[^.!?]{0,80}[.!?]?$", re.I),
)
#: Words every match of GLUED_PROMOS holds ("di sini" ends in one), a test before the search.
GLUED_PROMO_WORDS = ("sini", "selengkapnya")
