"""Build the four families' reconstructed fixture pages, `cleaners/sites/<family>/fixtures/<name>.html`
(and the expected records of the synthetic ones), from page specs.

    python testing/builders/make_fixture_pages.py

The five real articles take every line verbatim from fixtures/text/<stem>.txt and put it in the element
the site's template uses (shared/research/sites.md); they state no fact the text and URL do not. The other
pages are synthetic articles (invented text, marked "synthetic": true) covering each family's other
templates. The generated files are committed; cleaners never reads this script.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from family_pages import (  # noqa: E402
    Page,
    jatimtimes,
    kompastv,
    medcom,
    paragraphs,
    tribun_amp,
    tribun_desktop,
    tribun_mobile,
)

ROOT = Path(__file__).resolve().parents[2]
TEXT = ROOT / "fixtures" / "text"
EXPECTED = ROOT / "fixtures" / "expected"
SITES = ROOT / "cleaners" / "sites"
#: Where each page goes: <family>/fixtures/<template>_v<N>[_<n>].
DEST = {
    "000_79ab5d31336fbc81": "tribunnews/mobile_v1", "003_cdf9e5e3ab3413ae": "tribunnews/desktop_v1",
    "s01_tribunnews_jateng_page1": "tribunnews/desktop_v1_paged1", "s01_tribunnews_jateng_page2": "tribunnews/desktop_v1_paged2",
    "s01_tribunnews_jateng_page3": "tribunnews/desktop_v1_paged3",
    "s01_tribunnews_jateng_pageall": "tribunnews/desktop_v1_pagedall", "s02_tribunnews_amp": "tribunnews/amp_v1",
    "001_a373cb1957e14108": "medcom/www_v1", "s04_medcom_www": "medcom/www_v1_2", "s03_medcom_mobile": "medcom/mobile_v1",
    "004_69ee16c09114b4dc": "kompastv/amp_v1", "s06_kompastv_amp": "kompastv/amp_v1_2",
    "s05_kompastv_desktop": "kompastv/desktop_v1", "002_47c8d720653f142a": "jatimtimes/amp_v1",
    "s08_malangtimes_amp": "jatimtimes/amp_v1_2", "s07_jatimtimes_desktop": "jatimtimes/desktop_v1",
}


def destination(stem: str, suffix: str) -> Path:
    family, name = DEST[stem].split("/")
    return SITES / family / "fixtures" / f"{name}{suffix}"
IMG = "https://asset-2.tstatic.net/tribunnews/foto/bank/images/{}.jpg"


def text_lines(stem: str) -> list[str]:
    """Non-empty lines of a text fixture, exactly as written (trailing NBSPs and all)."""
    return [ln.rstrip("\n") for ln in (TEXT / f"{stem}.txt").read_text(encoding="utf-8").splitlines()
            if ln.strip()]


def expected_url(stem: str) -> str | None:
    return json.loads((EXPECTED / f"{stem}.json").read_text(encoding="utf-8"))["url"]


def between(lines: list[str], first: str, last: str) -> list[str]:
    start = next(i for i, ln in enumerate(lines) if ln.startswith(first))
    end = next(i for i, ln in enumerate(lines) if ln.startswith(last) and i >= start)
    return lines[start:end + 1]


# ------------------------------------------------------------------------------------------ the five real

def page_000() -> str:
    stem = "000_79ab5d31336fbc81"
    t = text_lines(stem)
    url = expected_url(stem)
    subheads = {"Hubungan Rusia-Moskow Kian 'Romantis'", "Perang Rusia-Ukraina", "Rusia cegat 47 pesawat nirawak Ukraina",
                "Ukraina tembak jatuh 24 pesawat nirawak", "Tawanan perang diduga dieksekusi di Kursk"}
    body = []
    for ln in between(t, "Dikutip dari Al Jazeera", "Tawanan perang diduga"):
        if ln == "Berita Rekomendasi":
            body.append(("rekom", ln))
        elif ln in subheads:
            body.append(("hstrong", ln))
        else:
            body.append(("p", ln))
        if len(body) == 3:
            body.append(("ad", "div-Center-FullBanner-1"))
    base = url.split("?")[0]
    page = Page(stem, url, t[2], body, summary=t[3], authors=[t[4].split(": ", 1)[1]], editors=[t[5].split(": ", 1)[1]],
                credit=t[7], caption=t[8], image=IMG.format("putin-zelensky-kolase"), source="TribunSolo.com",
                extra={"paging": (2, 3, base)})
    return tribun_mobile(page)


def page_001() -> str:
    stem = "001_a373cb1957e14108"
    t = text_lines(stem)
    url = expected_url(stem)
    body_lines = between(t, "Kyiv:", "Ia menegaskan")
    body = [("p", ln) for ln in body_lines if ln.strip("\u00a0 ")]
    body.insert(4, ("ad", "parallax"))
    baca = next(ln for ln in t if ln.startswith("Baca juga:"))
    body.append(("baca", "Baca juga:", baca.split(": ", 1)[1]))
    tail = ('<br />\n&nbsp;<br />\n<div class="gnews_ct">Cek Berita dan Artikel yang lain di<br />'
            '<a href="https://news.google.com/publications/CAAqBwgKMKqE-gow">Google News</a></div>(FJR)')
    name, date = t[3].split(" \u2022 ")
    page = Page(stem, url, t[2], body, authors=[name], date_text=date, caption=t[0],
                image="https://cdn.medcom.id/dynamic/content/2024/10/18/1746291/zelensky.jpg?w=1024",
                extra={"tail_html": tail})
    return medcom(page)


SEO_002 = """<div class="seo-box"><p class="seo-text">{filler}</p>
<ul class="seo-links"><li><a href="https://www.jatimtimes.com/tag/cara-menyimpan-tomat">{l1}</a></li>
<li><a href="https://www.jatimtimes.com/tag/baju-kerja-wanita">{l2}</a></li>
<li><a href="https://www.jatimtimes.com/tag/harga-gabah">{l3}</a></li></ul>
<p class="advertorial">{promo}</p>
<ul class="seo-links"><li><a href="https://www.jatimtimes.com/tag/simpan-tomat">{l4}</a></li>
<li><a href="https://www.jatimtimes.com/tag/bralette">{l5}</a></li></ul></div>"""


def page_002() -> str:
    stem = "002_47c8d720653f142a"
    t = text_lines(stem)
    url = expected_url(stem)
    body = []
    for ln in between(t, "JATIMTIMES - ", "Jumlah warga"):
        if ln.startswith("Baca Juga : "):
            body.append(("baca", "Baca Juga :", ln[len("Baca Juga : "):]))
        elif ln.startswith("JATIMTIMES - "):
            body.append(("pdateline", "JATIMTIMES", ln[len("JATIMTIMES"):]))
        else:
            body.append(("p", ln))
    tags = [x.strip() for x in t[t.index("Topik") + 1].split(",") if x.strip()]
    from page_chrome import esc

    seo_lines = t[t.index("Topik") + 2:]
    seo = SEO_002.format(filler=esc(seo_lines[0]), l1=esc(seo_lines[1]), l2=esc(seo_lines[2]), l3=esc(seo_lines[3]),
                         promo=esc(seo_lines[4]), l4=esc(seo_lines[5]), l5=esc(seo_lines[6]))
    page = Page(stem, url, t[0], body, date_text=t[1], date_only="2024-11-12", caption=t[2], tags=tags,
                image="https://i1.wp.com/risetcdn.jatimtimes.com/images/2024/11/12/kim-putin.md.jpg?quality=50",
                extra={"seo_html": seo, "read_more_url": "https://jatimtimes.com/baca/324990/20241112/160000/privacy"})
    return jatimtimes(page, amp=True)


def page_003() -> str:
    stem = "003_cdf9e5e3ab3413ae"
    t = text_lines(stem)
    body = []
    for ln in between(t, "TRIBUNNEWS.COM- ", "Departemen Luar Negeri"):
        if ln.startswith("TRIBUNNEWS.COM- "):
            body.append(("pdateline", "TRIBUNNEWS.COM-", ln[len("TRIBUNNEWS.COM-"):]))
        else:
            body.append(("p", ln))
        if len(body) == 4:
            body.append(("ad", "div-Center-FullBanner-1"))
    related_start = len(t) - 1 - t[::-1].index(t[0])
    titles = [ln.rstrip(" |") for ln in t[related_start + 1:] if ln.endswith("|") and not ln.startswith("---")]
    page = Page(stem, None, t[1], body, kicker=t[0], summary=t[2], editors=[t[4]], section="internasional",
                image=IMG.format("putin-pasukan-korea-utara"),
                extra={"editor_label_on_own_line": True, "related_table": (t[0], titles)})
    return tribun_desktop(page)


def page_004() -> str:
    stem = "004_69ee16c09114b4dc"
    t = text_lines(stem)
    url = expected_url(stem)
    body = []
    for ln in between(t, "MOSKOW, KOMPAS.TV - ", "Putin sendiri pada"):
        if ln.startswith("Baca Juga: "):
            body.append(("baca", "Baca Juga:", ln[len("Baca Juga: "):]))
        elif ln.startswith("MOSKOW, KOMPAS.TV - "):
            body.append(("pdateline", "MOSKOW, KOMPAS.TV", ln[len("MOSKOW, KOMPAS.TV"):]))
        else:
            body.append(("p", ln))
    body.append(("raw", "<p>&nbsp;</p>"))
    byline = next(ln for ln in t if ln.startswith("Penulis : "))
    author, editor = byline[len("Penulis : "):].split(" Editor : ")
    page = Page(stem, url, t[1], body, date_text=t[2], date_iso="2024-10-11T15:32:00+07:00", caption=t[3],
                authors=[author], editors=[editor], source="Euronews", section="internasional",
                image="https://media-origin.kompas.tv/library/image/content_article/article_img/20241011153247.jpg")
    return kompastv(page, amp=True)


# ----------------------------------------------------------------------------------------- synthetic pages

JATENG_BASE = "https://jateng.tribunnews.com/2024/11/05/banjir-rob-genangi-pantura-semarang-ribuan-warga-mengungsi"
JATENG_PAGES = [
    [("pdateline", "TRIBUNJATENG.COM, SEMARANG", " - Banjir rob kembali menggenangi kawasan pesisir utara Semarang "
      "pada Selasa pagi, memaksa ribuan warga mengungsi ke tempat yang lebih tinggi."),
     ("p", "Air laut mulai masuk ke permukiman sejak pukul 05.00 WIB dan mencapai ketinggian sekitar 60 sentimeter di "
      "beberapa titik."),
     ("baca", "Baca juga:", "Jalur Pantura Kaligawe Macet Total Akibat Genangan"),
     ("p", "Petugas Badan Penanggulangan Bencana Daerah mendirikan tiga posko pengungsian di kantor kelurahan.")],
    [("h", "Sekolah Diliburkan"),
     ("p", "Dinas Pendidikan meliburkan sedikitnya delapan sekolah dasar yang halamannya terendam air."),
     ("p", "Kepala sekolah diminta memberikan tugas daring kepada siswa selama genangan belum surut."),
     ("ad", "div-Center-FullBanner-2"),
     ("p", "Orang tua siswa menyambut keputusan itu karena akses jalan menuju sekolah belum bisa dilewati.")],
    [("h", "Pompa Air Dikerahkan"),
     ("p", "Pemerintah kota mengerahkan dua belas pompa air portabel untuk mempercepat surutnya genangan."),
     ("p", "Warga diimbau tetap waspada karena rob diperkirakan kembali datang pada sore hari."),
     ("p", "BMKG memprakirakan pasang maksimum air laut berlangsung hingga akhir pekan.")],
]
JATENG_COMMON = dict(
    kicker="Banjir Rob Semarang", title="Banjir Rob Genangi Pantura Semarang, Ribuan Warga Mengungsi",
    summary="Air laut masuk ke permukiman warga di pesisir utara Semarang sejak Selasa pagi.",
    authors=["Rahdyan Trijoko Pamungkas"], editors=["Muhammad Olies"], date_text="Selasa, 5 November 2024 14:20 WIB",
    date_iso="2024-11-05T14:20:00+07:00", caption="Warga melintasi genangan rob di Jalan Kaligawe, Semarang, Selasa (5/11/2024).",
    image=IMG.format("rob-semarang"), tags=["Banjir Rob Semarang", "Semarang", "BPBD"], source="Tribun Jateng",
    section="regional")


def synthetic_pages() -> list[tuple[Page, str]]:
    pages: list[tuple[Page, str]] = []
    for n, items in enumerate(JATENG_PAGES, 1):
        page = Page(f"s01_tribunnews_jateng_page{n}", f"{JATENG_BASE}?page={n}", body=items,
                    extra={"paging": (n, 3, JATENG_BASE)}, **JATENG_COMMON)
        pages.append((page, "tribun_desktop"))
    pages.append((Page("s01_tribunnews_jateng_pageall", f"{JATENG_BASE}?page=all",
                       body=[i for p in JATENG_PAGES for i in p], **JATENG_COMMON), "tribun_desktop"))
    pages.append((Page(
        "s02_tribunnews_amp",
        "https://www.tribunnews.com/amp/nasional/2024/11/06/kpu-tetapkan-jadwal-debat-pilkada-serentak-putaran-kedua",
        "KPU Tetapkan Jadwal Debat Pilkada Serentak Putaran Kedua",
        [("pdateline", "TRIBUNNEWS.COM, JAKARTA", " - Komisi Pemilihan Umum menetapkan jadwal debat putaran kedua "
          "untuk pemilihan kepala daerah serentak."),
         ("p", "Debat akan disiarkan langsung oleh stasiun televisi nasional dan kanal resmi KPU."),
         ("baca", "Baca juga:", "Bawaslu Temukan Ratusan Alat Peraga Kampanye Melanggar Aturan"),
         ("p", "Setiap pasangan calon mendapat waktu yang sama untuk menyampaikan visi dan misi."),
         ("p", "KPU meminta tim kampanye menjaga ketertiban pendukung di sekitar lokasi debat.")],
        authors=["Rizki Sandi Saputra"], editors=["Wahyu Aji"], date_text="Rabu, 6 November 2024 09:15 WIB",
        date_iso="2024-11-06T09:15:00+07:00", caption="Suasana debat pertama pilkada di Jakarta.",
        image=IMG.format("debat-pilkada"), section="nasional"), "tribun_amp"))
    pages.append((Page(
        "s03_medcom_mobile",
        "https://m.medcom.id/ekonomi/mikro/Gbm4QxpN-harga-cabai-rawit-di-pasar-induk-turun-jelang-akhir-pekan?utm_source=all&utm_medium=sharing",
        "Harga Cabai Rawit di Pasar Induk Turun Jelang Akhir Pekan",
        [("p", "Jakarta: Harga cabai rawit di sejumlah pasar induk turun hingga Rp10 ribu per kilogram jelang akhir pekan."),
         ("p", "Pedagang menyebut pasokan dari sentra produksi di Jawa Timur kembali normal setelah panen."),
         ("baca", "Baca:", "Harga Bawang Merah Masih Tinggi di Tingkat Pengecer"),
         ("p", "Pemerintah memantau harga pangan setiap hari melalui panel harga nasional."),
         ("raw", "(ASH)")],
        authors=["Husen Miftahudin"], date_text="13 November 2024 07:03 WIB", caption="Ilustrasi. Medcom.id.",
        image="https://cdn.medcom.id/dynamic/content/2024/11/13/1750001/cabai.jpg?w=480"), "medcom_mobile"))
    pages.append((Page(
        "s04_medcom_www",
        "https://www.medcom.id/nasional/hukum/Dkq7vRmN-kpk-periksa-tiga-saksi-kasus-pengadaan-bansos",
        "KPK Periksa Tiga Saksi Kasus Pengadaan Bansos",
        [("p", "Jakarta: Komisi Pemberantasan Korupsi memeriksa tiga saksi dalam kasus dugaan korupsi pengadaan bantuan sosial."),
         ("p", "Ketiganya berasal dari pihak swasta yang menjadi rekanan penyedia barang."),
         ("ad", "parallax"),
         ("p", "Juru bicara KPK mengatakan penyidik mendalami proses penunjukan rekanan."),
         ("baca", "Baca:", "KPK Tahan Dua Tersangka Baru Kasus Bansos"),
         ("p", "Pemeriksaan berlangsung sekitar enam jam di gedung Merah Putih KPK."),
         ("raw", "(END)")],
        authors=["Candra Yuri Nuralam"], date_text="14 November 2024 16:45", caption="Gedung KPK. Medcom.id/Candra",
        image="https://cdn.medcom.id/dynamic/content/2024/11/14/1750100/kpk.jpg?w=1024"), "medcom"))
    pages.append((Page(
        "s05_kompastv_desktop",
        "https://www.kompas.tv/nasional/551234/sidang-lanjutan-kasus-korupsi-tol-digelar-hari-ini-di-pengadilan-tipikor",
        "Sidang Lanjutan Kasus Korupsi Tol Digelar Hari Ini di Pengadilan Tipikor",
        [("pdateline", "JAKARTA, KOMPAS.TV", " - Sidang lanjutan kasus korupsi proyek jalan tol kembali digelar pada Selasa."),
         ("p", "Jaksa menghadirkan lima saksi dari pihak kontraktor pelaksana proyek."),
         ("baca", "Baca Juga:", "KPK Periksa Tiga Pejabat Kementerian"),
         ("p", "Sidang dijadwalkan berlanjut pekan depan dengan agenda pemeriksaan terdakwa.")],
        authors=["Nadia Intan Fajarlie"], editors=["Gading Persada"], date_text="Kompas.tv - 12 November 2024, 10:35 WIB",
        date_iso="2024-11-12T10:35:00+07:00", caption="Suasana ruang sidang Pengadilan Tipikor Jakarta. (Sumber: Kompas TV/Ant)",
        source="Kompas TV", section="nasional", image="https://media-origin.kompas.tv/library/image/sidang.jpg",
        extra={"subsection": "hukum"}), "kompastv_desktop"))
    pages.append((Page(
        "s06_kompastv_amp",
        "https://beta.kompas.tv/amp/regional/551300/jembatan-gantung-putus-warga-dua-desa-terisolasi",
        "Jembatan Gantung Putus, Warga Dua Desa Terisolasi",
        [("pdateline", "GARUT, KOMPAS.TV", " - Jembatan gantung penghubung dua desa di Garut putus setelah diterjang "
          "arus sungai."),
         ("p", "Warga kini harus memutar sejauh belasan kilometer untuk mencapai pasar kecamatan."),
         ("baca", "Baca Juga:", "Hujan Deras, Tanah Longsor Tutup Jalan Provinsi"),
         ("p", "Pemerintah kabupaten berjanji membangun jembatan darurat dalam dua pekan.")],
        authors=["Switzy Sabandar"], editors=["Deni Muliya"], date_text="Kompas regional | 13 November 2024, 08:00 WIB",
        date_iso="2024-11-13T08:00:00+07:00", caption="Jembatan gantung yang putus di Garut. (Sumber: Dok. BPBD Garut)",
        source="Kompas TV Bandung", section="regional", image="https://media-origin.kompas.tv/library/image/jembatan.jpg"),
        "kompastv_amp"))
    pages.append((Page(
        "s07_jatimtimes_desktop",
        "https://jatimtimes.com/baca/325100/20241115/023000/festival-kopi-lereng-arjuno-dipadati-ribuan-pengunjung",
        "Festival Kopi Lereng Arjuno Dipadati Ribuan Pengunjung",
        [("pdateline", "JATIMTIMES", " - Festival kopi di lereng Gunung Arjuno dipadati ribuan pengunjung sejak pagi."),
         ("baca", "Baca Juga :", "Pasar Malam Alun-Alun Kembali Dibuka"),
         ("p", "Panitia menyiapkan empat puluh stan dari petani kopi setempat."),
         ("p", "Pengunjung dapat mencicipi kopi arabika dan robusta secara gratis hingga sore.")],
        authors=["Anggara Sudiongko"], editors=["Dede Nana"], date_text="15 - Nov - 2024, 09:30", date_only="2024-11-15",
        caption="Pengunjung mencicipi kopi di stan festival. (foto: Anggara/JatimTIMES)",
        tags=["Festival Kopi", "Arjuno", "Wisata Malang"], section="Wisata",
        image="https://i1.wp.com/risetcdn.jatimtimes.com/images/2024/11/15/kopi.md.jpg?quality=50"), "jatimtimes_desktop"))
    pages.append((Page(
        "s08_malangtimes_amp",
        "https://www.malangtimes.com/amp/baca/325200/20241116/190500/arema-fc-menang-tipis-atas-tamunya",
        "Arema FC Menang Tipis atas Tamunya",
        [("pdateline", "MALANGTIMES", " - Arema FC menang tipis 1-0 atas tamunya di Stadion Kanjuruhan."),
         ("p", "Gol tunggal dicetak pada menit ke-78 melalui sundulan kepala."),
         ("baca", "Baca Juga :", "Aremania Siapkan Koreografi Khusus"),
         ("p", "Pelatih menyebut kemenangan ini penting untuk menjaga posisi di papan tengah.")],
        authors=["Hendra Saputra"], editors=["Yunan Helmy"], date_text="16 - Nov - 2024, 07:05", date_only="2024-11-16",
        caption="Pemain Arema FC merayakan gol. (foto: Hendra/MalangTIMES)", tags=["Arema FC", "Liga 1"],
        image="https://i1.wp.com/risetcdn.jatimtimes.com/images/2024/11/16/arema.md.jpg?quality=50",
        extra={"site_title": "MALANGTIMES"}), "jatimtimes_amp"))
    return pages


RENDER = {
    "tribun_desktop": tribun_desktop, "tribun_amp": tribun_amp, "medcom": medcom,
    "medcom_mobile": lambda p: medcom(p, mobile=True), "kompastv_desktop": lambda p: kompastv(p, amp=False),
    "kompastv_amp": lambda p: kompastv(p, amp=True), "jatimtimes_desktop": lambda p: jatimtimes(p, amp=False),
    "jatimtimes_amp": lambda p: jatimtimes(p, amp=True),
}
SITE = {"tribun": "tribunnews", "medcom": "medcom", "kompastv": "kompastv", "jatimtimes": "jatimtimes"}


def expected_record(page: Page, renderer: str, published: str) -> dict:
    return {
        "synthetic": True, "site": SITE[renderer.split("_")[0]], "url": page.url,
        "title": page.title, "summary": page.summary, "authors": page.authors, "editors": page.editors,
        "published": published, "tags": ([page.kicker] if page.kicker else []) + [t for t in page.tags if t != page.kicker],
        "source": page.source, "image_caption": page.caption, "body": paragraphs(page.body),
    }


#: What each synthetic page states as its publication time (jatimtimes: page clock + URL, see sites.md §4.4).
PUBLISHED = {
    "s02_tribunnews_amp": "2024-11-06T09:15:00+07:00", "s03_medcom_mobile": "2024-11-13T07:03:00+07:00",
    "s04_medcom_www": "2024-11-14T16:45:00+07:00", "s05_kompastv_desktop": "2024-11-12T10:35:00+07:00",
    "s06_kompastv_amp": "2024-11-13T08:00:00+07:00", "s07_jatimtimes_desktop": "2024-11-15T09:30:00+07:00",
    "s08_malangtimes_amp": "2024-11-16T19:05:00+07:00",
}


def write_json(path: Path, record: dict) -> None:
    """The expected record, keeping where the offline mirror serves the page (`mirror_urls`)."""
    if path.exists():
        old = json.loads(path.read_text(encoding="utf-8"))
        record = {**record, **({"mirror_urls": old["mirror_urls"]} if "mirror_urls" in old else {})}
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    for stem, build in (("000_79ab5d31336fbc81", page_000), ("001_a373cb1957e14108", page_001),
                        ("002_47c8d720653f142a", page_002), ("003_cdf9e5e3ab3413ae", page_003),
                        ("004_69ee16c09114b4dc", page_004)):
        destination(stem, ".html").write_text(build(), encoding="utf-8")
        shared = json.loads((EXPECTED / f"{stem}.json").read_text(encoding="utf-8"))
        write_json(destination(stem, ".json"),
                   {"text_fixture": shared["fixture"], **{k: v for k, v in shared.items() if k != "fixture"}})
    for page, renderer in synthetic_pages():
        destination(page.stem, ".html").write_text(RENDER[renderer](page), encoding="utf-8")
        published = PUBLISHED.get(page.stem, "2024-11-05T14:20:00+07:00")
        write_json(destination(page.stem, ".json"), expected_record(page, renderer, published))
    for stem in DEST:
        path = destination(stem, ".html")
        print(f"{path.stat().st_size:>7}  {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
