<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>HolidaysEditor</name>
    <message>
        <source>Joint leave (cuti bersama)</source>
        <translation>Cuti bersama</translation>
    </message>
    <message>
        <source>National holiday</source>
        <translation>Libur nasional</translation>
    </message>
    <message>
        <source>Line %1: expected 3 fields (date, kind, name) but found %2.</source>
        <translation>Baris %1: seharusnya 3 kolom (tanggal, jenis, nama), ditemukan %2.</translation>
    </message>
    <message>
        <source>Line %1: “%2” is not a date. Write dates as YYYY-MM-DD, for example 2026-08-17.</source>
        <translation>Baris %1: “%2” bukan tanggal. Tulis tanggal sebagai TTTT-BB-HH, misalnya 2026-08-17.</translation>
    </message>
    <message>
        <source>Line %1: unknown kind “%2”. Use national or joint_leave.</source>
        <translation>Baris %1: jenis “%2” tidak dikenal. Gunakan national atau joint_leave.</translation>
    </message>
    <message>
        <source>Line %1: the holiday has no name.</source>
        <translation>Baris %1: hari libur tidak bernama.</translation>
    </message>
    <message>
        <source>Line %1: %2 is already on line %3.</source>
        <translation>Baris %1: %2 sudah ada di baris %3.</translation>
    </message>
    <message>
        <source>Line %1 is not a valid CSV line.</source>
        <translation>Baris %1 bukan baris CSV yang sah.</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Tahun:</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Name, e.g. Hari Lahir Pancasila</source>
        <translation>Nama, mis. Hari Lahir Pancasila</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Hapus yang dipilih</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Impor CSV…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>Pulihkan bawaan</translation>
    </message>
    <message>
        <source>Write the holiday&apos;s name.</source>
        <translation>Tulis nama hari libur.</translation>
    </message>
    <message>
        <source>%1 was already in the list; it is replaced.</source>
        <translation>%1 sudah ada di daftar; kini diganti.</translation>
    </message>
    <message>
        <source>Restore default holidays</source>
        <translation>Pulihkan hari libur bawaan</translation>
    </message>
    <message>
        <source>Pantau&apos;s built-in holiday list cannot be read.</source>
        <translation>Daftar hari libur bawaan Pantau tidak dapat dibaca.</translation>
    </message>
    <message>
        <source>Default holidays restored.</source>
        <translation>Hari libur bawaan dipulihkan.</translation>
    </message>
    <message>
        <source>Import holidays</source>
        <translation>Impor hari libur</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Berkas tidak dapat dibaca.</translation>
    </message>
    <message>
        <source>Imported: %1.</source>
        <translation>Diimpor: %1.</translation>
    </message>
    <message>
        <source>Export holidays</source>
        <translation>Ekspor hari libur</translation>
    </message>
    <message>
        <source>The file cannot be written there.</source>
        <translation>Berkas tidak dapat ditulis di sana.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Replace the list with Pantau&apos;s built-in Indonesian holidays? Holidays you added or changed will be lost.</source>
        <translation>Ganti daftar dengan hari libur Indonesia bawaan Pantau? Hari libur yang Anda tambah atau ubah akan hilang.</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Semua tahun</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ulangi</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Po&amp;tong</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>T&amp;empel</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Pilih semua</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Tampilkan rincian…</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Sembunyikan rincian…</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ya</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Tidak</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Terapkan</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Bantuan</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ulangi</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Po&amp;tong</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>T&amp;empel</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Pilih semua</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Salin &amp;alamat tautan</translation>
    </message>
</context>
<context>
    <name>TriageListsDialog</name>
    <message>
        <source>The file is empty.</source>
        <translation>Berkas kosong.</translation>
    </message>
    <message>
        <source>The first line must name the columns; “%1” is missing.</source>
        <translation>Baris pertama harus berisi nama kolom; “%1” tidak ada.</translation>
    </message>
    <message>
        <source>The file has more than %1 rows.</source>
        <translation>Berkas berisi lebih dari %1 baris.</translation>
    </message>
    <message>
        <source>The code is missing.</source>
        <translation>Kode belum diisi.</translation>
    </message>
    <message>
        <source>The code “%1” may only have letters, digits, - and _ (at most 24 characters).</source>
        <translation>Kode “%1” hanya boleh berisi huruf, angka, - dan _ (paling banyak 24 karakter).</translation>
    </message>
    <message>
        <source>The code %1 is already used on line %2.</source>
        <translation>Kode %1 sudah dipakai di baris %2.</translation>
    </message>
    <message>
        <source>The code %1 is already used in row %2.</source>
        <translation>Kode %1 sudah dipakai di baris %2.</translation>
    </message>
    <message>
        <source>The name is empty.</source>
        <translation>Nama kosong.</translation>
    </message>
    <message>
        <source>The name “%1” is already used on line %2.</source>
        <translation>Nama “%1” sudah dipakai di baris %2.</translation>
    </message>
    <message>
        <source>The name “%1” is already used in row %2.</source>
        <translation>Nama “%1” sudah dipakai di baris %2.</translation>
    </message>
    <message>
        <source>Active must be 1 or 0 (yes or no), not “%1”.</source>
        <translation>Aktif harus 1 atau 0 (ya atau tidak), bukan “%1”.</translation>
    </message>
    <message>
        <source>No agency has the code %1. Add it on the Agencies tab first.</source>
        <translation>Tidak ada OPD berkode %1. Tambahkan dulu di tab OPD.</translation>
    </message>
    <message>
        <source>Agencies and topics</source>
        <translation>OPD dan topik</translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation>OPD</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Topik</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Tambah</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Impor CSV…</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;kspor CSV…</translation>
    </message>
    <message>
        <source>Restore &amp;defaults</source>
        <translation>Pulihkan &amp;bawaan</translation>
    </message>
    <message>
        <source>Cases are delegated to these agencies. Untick Active to stop offering an agency without removing it: cases keep the code they were given.</source>
        <translation>Kasus didisposisikan ke OPD ini. Hapus centang Aktif agar sebuah OPD tidak ditawarkan lagi tanpa menghapusnya: kasus tetap menyimpan kodenya.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Keywords suggest a topic, and its agency, for a new case. They match whole words in any case; the words of a longer keyword may stand a few words apart, or be joined in a hashtag (#JalanRusak). Separate keywords with ;.</source>
        <translation>Kata kunci menyarankan topik, beserta OPD-nya, untuk kasus baru. Kata kunci cocok dengan kata utuh, huruf besar atau kecil; kata-kata dari kata kunci yang panjang boleh berjarak beberapa kata, atau tergabung dalam tagar (#JalanRusak). Pisahkan kata kunci dengan ;.</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topik</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Kata kunci</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>OPD</translation>
    </message>
    <message>
        <source>Try a complaint: jalan di desa kami rusak parah</source>
        <translation>Coba sebuah aduan: jalan di desa kami rusak parah</translation>
    </message>
    <message>
        <source>These topics refer to %1: %2. Remove it and clear their agency?</source>
        <translation>Topik berikut merujuk ke %1: %2. Hapus OPD ini dan kosongkan OPD topik tersebut?</translation>
    </message>
    <message>
        <source>Agency removed; these topics have no agency now: %1.</source>
        <translation>OPD dihapus; topik berikut kini tanpa OPD: %1.</translation>
    </message>
    <message>
        <source>Replace the agencies with Pantau&apos;s default list? Agencies you added are removed, and topics that refer to them lose their agency.</source>
        <translation>Ganti daftar OPD dengan daftar bawaan Pantau? OPD yang Anda tambahkan dihapus, dan topik yang merujuk ke sana kehilangan OPD-nya.</translation>
    </message>
    <message>
        <source>Separate keywords with ;</source>
        <translation>Pisahkan kata kunci dengan ;</translation>
    </message>
    <message>
        <source>(no agency)</source>
        <translation>(tanpa OPD)</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (nonaktif)</translation>
    </message>
    <message>
        <source>%1 (not in the list)</source>
        <translation>%1 (tidak ada di daftar)</translation>
    </message>
    <message>
        <source>Replace the topics with Pantau&apos;s default list? Topics you added or changed are replaced.</source>
        <translation>Ganti topik dengan daftar bawaan Pantau? Topik yang Anda tambah atau ubah akan diganti.</translation>
    </message>
    <message>
        <source>No topic matches this text.</source>
        <translation>Tidak ada topik yang cocok dengan teks ini.</translation>
    </message>
    <message>
        <source>Topics: %1. Agency: %2.</source>
        <translation>Topik: %1. OPD: %2.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>Agencies, row %1: %2</source>
        <translation>OPD, baris %1: %2</translation>
    </message>
    <message>
        <source>Topics, row %1: %2</source>
        <translation>Topik, baris %1: %2</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Berkas CSV (*.csv);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Import agencies</source>
        <translation>Impor OPD</translation>
    </message>
    <message>
        <source>Export agencies</source>
        <translation>Ekspor OPD</translation>
    </message>
    <message>
        <source>Import topics</source>
        <translation>Impor topik</translation>
    </message>
    <message>
        <source>Export topics</source>
        <translation>Ekspor topik</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Berkas tidak dapat dibaca.</translation>
    </message>
    <message>
        <source>Nothing was imported. Line %1: %2</source>
        <translation>Tidak ada yang diimpor. Baris %1: %2</translation>
    </message>
    <message>
        <source>Imported %1 agencies: %2 new, %3 updated.</source>
        <translation>%1 OPD diimpor: %2 baru, %3 diperbarui.</translation>
    </message>
    <message>
        <source>Imported %1 topics: %2 new, %3 updated.</source>
        <translation>%1 topik diimpor: %2 baru, %3 diperbarui.</translation>
    </message>
    <message>
        <source>The file cannot be written there.</source>
        <translation>Berkas tidak dapat ditulis di sana.</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Disimpan ke %1.</translation>
    </message>
</context>
<context>
    <name>accounts</name>
    <message>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Tambah akun</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Hapus…</translation>
    </message>
    <message>
        <source>No network can be added in this version yet: Mastodon, Bluesky and X sign-in arrive in the next releases. Try the demo deck meanwhile.</source>
        <translation>Belum ada jaringan yang dapat ditambahkan di versi ini: fitur masuk Mastodon, Bluesky, dan X hadir di rilis berikutnya. Sementara itu, cobalah tampilan demo.</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>perlu perhatian</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Hapus akun</translation>
    </message>
    <message>
        <source>Remove %1 from Pantau? Its sign-in is deleted from the password store and its columns are closed.</source>
        <translation>Hapus %1 dari Pantau? Data masuknya dihapus dari penyimpanan kata sandi dan kolom-kolomnya ditutup.</translation>
    </message>
    <message>
        <source>Also delete its cached posts and messages</source>
        <translation>Hapus juga postingan dan pesan yang tersimpan</translation>
    </message>
</context>
<context>
    <name>add_column</name>
    <message>
        <source>Column settings</source>
        <translation>Pengaturan kolom</translation>
    </message>
    <message>
        <source>Add column</source>
        <translation>Tambah kolom</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Akun:</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Semua akun</translation>
    </message>
    <message>
        <source>Choose a column kind.</source>
        <translation>Pilih jenis kolom.</translation>
    </message>
    <message>
        <source>Add an account first: this column reads from an account.</source>
        <translation>Tambahkan akun terlebih dahulu: kolom ini menampilkan data dari sebuah akun.</translation>
    </message>
</context>
<context>
    <name>case</name>
    <message>
        <source>Case #%1 · %2</source>
        <translation>Kasus #%1 · %2</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>(not assigned)</source>
        <translation>(belum didisposisikan)</translation>
    </message>
    <message>
        <source>Agency:</source>
        <translation>OPD:</translation>
    </message>
    <message>
        <source>Name of the colleague following it up</source>
        <translation>Nama rekan yang menindaklanjuti</translation>
    </message>
    <message>
        <source>Colleague:</source>
        <translation>Rekan:</translation>
    </message>
    <message>
        <source>Topics:</source>
        <translation>Topik:</translation>
    </message>
    <message>
        <source>Internal note:</source>
        <translation>Catatan internal:</translation>
    </message>
    <message>
        <source>Only your office sees notes; they are never posted.</source>
        <translation>Catatan hanya dilihat kantor Anda; tidak pernah diunggah.</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Tambah catatan</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>Riwayat:</translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation>Balas…</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Buka di peramban</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Received %1 · no deadline: %2</source>
        <translation>Diterima %1 · tanpa tenggat: %2</translation>
    </message>
    <message>
        <source>Received %1 · due %2 (%3)</source>
        <translation>Diterima %1 · tenggat %2 (%3)</translation>
    </message>
    <message>
        <source>Suggested: %1</source>
        <translation>Saran: %1</translation>
    </message>
    <message>
        <source>Could not save the change: %1</source>
        <translation>Perubahan tidak dapat disimpan: %1</translation>
    </message>
    <message>
        <source>Type the note first.</source>
        <translation>Tulis catatannya dulu.</translation>
    </message>
    <message>
        <source>Could not save the note: %1</source>
        <translation>Catatan tidak dapat disimpan: %1</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Didisposisikan</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Dijawab</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Not a complaint</source>
        <translation>Bukan aduan</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <source>%n working day(s) late</source>
        <translation>terlambat %n hari kerja</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>tenggat hari ini</translation>
    </message>
    <message>
        <source>%n working day(s) left</source>
        <translation>%n hari kerja lagi</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>received</source>
        <translation>diterima</translation>
    </message>
    <message>
        <source>status %1 → %2</source>
        <translation>status %1 → %2</translation>
    </message>
    <message>
        <source>assigned to %1</source>
        <translation>didisposisikan ke %1</translation>
    </message>
    <message>
        <source>agency %1 → %2</source>
        <translation>OPD %1 → %2</translation>
    </message>
    <message>
        <source>colleague: %1</source>
        <translation>rekan: %1</translation>
    </message>
    <message>
        <source>topics: %1</source>
        <translation>topik: %1</translation>
    </message>
    <message>
        <source>answered: %1</source>
        <translation>dijawab: %1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>catatan: %1</translation>
    </message>
</context>
<context>
    <name>charts</name>
    <message>
        <source>No data for this month</source>
        <translation>Tidak ada data untuk bulan ini</translation>
    </message>
</context>
<context>
    <name>column</name>
    <message>
        <source>Unknown column</source>
        <translation>Kolom tidak dikenal</translation>
    </message>
    <message>
        <source>Drag to move this column</source>
        <translation>Seret untuk memindahkan kolom ini</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Masuk lagi</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Segarkan</translation>
    </message>
    <message>
        <source>Column settings</source>
        <translation>Pengaturan kolom</translation>
    </message>
    <message>
        <source>Remove column</source>
        <translation>Hapus kolom</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Pengaturan…</translation>
    </message>
    <message>
        <source>Mark all as read</source>
        <translation>Tandai semua sudah dibaca</translation>
    </message>
    <message>
        <source>Move left</source>
        <translation>Pindah ke kiri</translation>
    </message>
    <message>
        <source>Move right</source>
        <translation>Pindah ke kanan</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Semua akun</translation>
    </message>
    <message>
        <source>Account removed</source>
        <translation>Akun dihapus</translation>
    </message>
    <message>
        <source>updated just now</source>
        <translation>baru diperbarui</translation>
    </message>
    <message>
        <source>updated %1 ago</source>
        <translation>diperbarui %1 lalu</translation>
    </message>
    <message>
        <source>not fetched yet</source>
        <translation>belum dimuat</translation>
    </message>
    <message>
        <source>kept on this computer</source>
        <translation>disimpan di komputer ini</translation>
    </message>
    <message>
        <source>%n unread</source>
        <translation>%n belum dibaca</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <source>#KemalaJateng #LaporGub</source>
        <translation>#KemalaJateng #LaporGub</translation>
    </message>
    <message>
        <source>Any of these tags</source>
        <translation>Salah satu tagar ini</translation>
    </message>
    <message>
        <source>All of these tags</source>
        <translation>Semua tagar ini</translation>
    </message>
    <message>
        <source>#spam</source>
        <translation>#spam</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Tagar:</translation>
    </message>
    <message>
        <source>Match:</source>
        <translation>Cocokkan:</translation>
    </message>
    <message>
        <source>Except:</source>
        <translation>Kecuali:</translation>
    </message>
    <message>
        <source>Type at least one tag, for example #KemalaJateng.</source>
        <translation>Ketik minimal satu tagar, misalnya #KemalaJateng.</translation>
    </message>
    <message>
        <source>Hashtag</source>
        <translation>Tagar</translation>
    </message>
    <message>
        <source>Every public post with one or several tags, such as #KemalaJateng.</source>
        <translation>Semua postingan publik dengan satu atau beberapa tagar, seperti #KemalaJateng.</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Beranda</translation>
    </message>
    <message>
        <source>Posts from the people and pages the account follows.</source>
        <translation>Postingan dari orang dan halaman yang diikuti akun ini.</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Sebutan</translation>
    </message>
    <message>
        <source>Mentions and replies to one account, or to all accounts together.</source>
        <translation>Sebutan dan balasan untuk satu akun, atau untuk semua akun sekaligus.</translation>
    </message>
    <message>
        <source>Mentions (all accounts)</source>
        <translation>Sebutan (semua akun)</translation>
    </message>
    <message>
        <source>Mentions of the account</source>
        <translation>Sebutan untuk akun</translation>
    </message>
    <message>
        <source>Direct messages</source>
        <translation>Pesan langsung</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Kasus terbuka</translation>
    </message>
    <message>
        <source>Answered and closed</source>
        <translation>Dijawab dan selesai</translation>
    </message>
    <message>
        <source>Not a complaint or duplicate</source>
        <translation>Bukan aduan atau duplikat</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Semua kasus</translation>
    </message>
    <message>
        <source>Hashtags:</source>
        <translation>Tagar:</translation>
    </message>
    <message>
        <source>Also:</source>
        <translation>Juga:</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Tampilkan:</translation>
    </message>
    <message>
        <source>Choose where reports come from: a hashtag, mentions or messages.</source>
        <translation>Pilih asal laporan: tagar, sebutan, atau pesan.</translation>
    </message>
    <message>
        <source>Triage inbox</source>
        <translation>Kotak aduan</translation>
    </message>
    <message>
        <source>Citizen reports as cases: delegate each to an agency, answer it within the working-day deadlines, and report on the month.</source>
        <translation>Laporan warga sebagai kasus: disposisikan ke OPD, jawab dalam tenggat hari kerja, dan laporkan tiap bulan.</translation>
    </message>
    <message>
        <source>Inbox %1</source>
        <translation>Aduan %1</translation>
    </message>
    <message>
        <source>%n overdue</source>
        <translation>%n terlambat</translation>
    </message>
    <message>
        <source>Private conversations with citizens and vendors.</source>
        <translation>Percakapan pribadi dengan warga dan penyedia.</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Terjadwal</translation>
    </message>
    <message>
        <source>Posts queued to go out later, on the server or from this PC.</source>
        <translation>Postingan yang diantrekan untuk terbit nanti, di server atau dari PC ini.</translation>
    </message>
    <message>
        <source>Scheduled (all accounts)</source>
        <translation>Terjadwal (semua akun)</translation>
    </message>
    <message>
        <source>e.g. dokumen penawaran</source>
        <translation>mis. dokumen penawaran</translation>
    </message>
    <message>
        <source>Search for:</source>
        <translation>Cari:</translation>
    </message>
    <message>
        <source>Type what to search for.</source>
        <translation>Ketik kata yang ingin dicari.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Cari</translation>
    </message>
    <message>
        <source>Posts matching words or names, on the network and in the local cache.</source>
        <translation>Postingan yang cocok dengan kata atau nama, di jaringan dan di cache lokal.</translation>
    </message>
</context>
<context>
    <name>compose</name>
    <message>
        <source>Public</source>
        <translation>Publik</translation>
    </message>
    <message>
        <source>Public, not in timelines</source>
        <translation>Publik, tidak di linimasa</translation>
    </message>
    <message>
        <source>Followers only</source>
        <translation>Hanya pengikut</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Balas</translation>
    </message>
    <message>
        <source>New post</source>
        <translation>Postingan baru</translation>
    </message>
    <message>
        <source>Demo: what you write is kept as a draft and never sent.</source>
        <translation>Demo: yang Anda tulis disimpan sebagai draf dan tidak pernah dikirim.</translation>
    </message>
    <message>
        <source>Open in its own window</source>
        <translation>Buka di jendela tersendiri</translation>
    </message>
    <message>
        <source>Dock at the side</source>
        <translation>Tempel di samping</translation>
    </message>
    <message>
        <source>Change account…</source>
        <translation>Ganti akun…</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Dari:</translation>
    </message>
    <message>
        <source>Also post from:</source>
        <translation>Kirim juga dari:</translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation>Pesan langsung</translation>
    </message>
    <message>
        <source>Who can see it:</source>
        <translation>Siapa yang bisa melihat:</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Tidak diatur</translation>
    </message>
    <message>
        <source>Sent with the post so readers&apos; filters and translation work.</source>
        <translation>Dikirim bersama postingan agar filter dan terjemahan pembaca berfungsi.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Bahasa:</translation>
    </message>
    <message>
        <source>Optional, e.g. a sensitive complaint</source>
        <translation>Opsional, misalnya aduan yang sensitif</translation>
    </message>
    <message>
        <source>Content warning:</source>
        <translation>Peringatan konten:</translation>
    </message>
    <message>
        <source>Replying to %1</source>
        <translation>Membalas %1</translation>
    </message>
    <message>
        <source>Schedule for</source>
        <translation>Jadwalkan pada</translation>
    </message>
    <message>
        <source>Saved reply</source>
        <translation>Balasan tersimpan</translation>
    </message>
    <message>
        <source>Or type /keyword and press Tab</source>
        <translation>Atau ketik /katakunci lalu tekan Tab</translation>
    </message>
    <message>
        <source>No saved replies yet</source>
        <translation>Belum ada balasan tersimpan</translation>
    </message>
    <message>
        <source>No saved reply has the keyword /%1.</source>
        <translation>Tidak ada balasan tersimpan dengan kata kunci /%1.</translation>
    </message>
    <message>
        <source>Bluesky posts are always public.</source>
        <translation>Postingan Bluesky selalu publik.</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Jadwalkan</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Kirim</translation>
    </message>
    <message>
        <source>Too long for this server: %1 characters, at most %2.</source>
        <translation>Terlalu panjang untuk server ini: %1 karakter, paling banyak %2.</translation>
    </message>
    <message>
        <source>Choose a time at least 6 minutes from now.</source>
        <translation>Pilih waktu paling cepat 6 menit dari sekarang.</translation>
    </message>
    <message>
        <source>Choose a time in the future.</source>
        <translation>Pilih waktu yang akan datang.</translation>
    </message>
    <message>
        <source>Uploading images…</source>
        <translation>Mengunggah gambar…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Mengirim…</translation>
    </message>
    <message>
        <source>Scheduled for %1.</source>
        <translation>Dijadwalkan %1.</translation>
    </message>
    <message>
        <source>Sent.</source>
        <translation>Terkirim.</translation>
    </message>
    <message>
        <source>This file cannot be shown as an image.</source>
        <translation>Berkas ini tidak dapat ditampilkan sebagai gambar.</translation>
    </message>
    <message>
        <source>Describe the image for people who cannot see it</source>
        <translation>Jelaskan gambar untuk orang yang tidak dapat melihatnya</translation>
    </message>
    <message>
        <source>Remove this image</source>
        <translation>Hapus gambar ini</translation>
    </message>
    <message>
        <source>Add image…</source>
        <translation>Tambah gambar…</translation>
    </message>
    <message>
        <source>Add images</source>
        <translation>Tambah gambar</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Gambar</translation>
    </message>
    <message>
        <source>Images without a description: %1. People using a screen reader will not know what they show.</source>
        <translation>Gambar tanpa deskripsi: %1. Pengguna pembaca layar tidak akan tahu isinya.</translation>
    </message>
    <message>
        <source>Empty: the same text as the main one</source>
        <translation>Kosong: sama dengan teks utama</translation>
    </message>
    <message>
        <source>Text for %1</source>
        <translation>Teks untuk %1</translation>
    </message>
    <message>
        <source>Main text (%1)</source>
        <translation>Teks utama (%1)</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>Pantau hit a problem</source>
        <translation>Pantau mengalami masalah</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Your drafts and cached posts are safe. The details were written to %1.</source>
        <translation>Terjadi kesalahan yang tidak terduga. Draf dan postingan tersimpan Anda aman. Rinciannya telah dicatat di %1.</translation>
    </message>
</context>
<context>
    <name>deck</name>
    <message>
        <source>Welcome to Pantau</source>
        <translation>Selamat datang di Pantau</translation>
    </message>
    <message>
        <source>Add the office accounts you answer from, then add columns for mentions, hashtags such as #KemalaJateng, direct messages and scheduled posts.</source>
        <translation>Tambahkan akun kantor yang Anda gunakan untuk menjawab, lalu tambahkan kolom untuk sebutan, tagar seperti #KemalaJateng, pesan langsung, dan postingan terjadwal.</translation>
    </message>
    <message>
        <source>Add an account…</source>
        <translation>Tambah akun…</translation>
    </message>
    <message>
        <source>Add a column…</source>
        <translation>Tambah kolom…</translation>
    </message>
    <message>
        <source>Explore the demo deck</source>
        <translation>Jelajahi tampilan demo</translation>
    </message>
</context>
<context>
    <name>delegate</name>
    <message>
        <source>Media (%n)</source>
        <translation>Media (%n)</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Kirim sekarang</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batalkan</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Balas</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>Disposisi…</translation>
    </message>
    <message>
        <source>Status…</source>
        <translation>Status…</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>Catatan…</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Buka di peramban</translation>
    </message>
    <message>
        <source>Failed to send</source>
        <translation>Gagal dikirim</translation>
    </message>
    <message>
        <source>Scheduled for %1</source>
        <translation>Dijadwalkan %1</translation>
    </message>
    <message>
        <source>New message · %1</source>
        <translation>Pesan baru · %1</translation>
    </message>
    <message>
        <source>Conversation · %1</source>
        <translation>Percakapan · %1</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>this account</source>
        <translation>akun ini</translation>
    </message>
    <message>
        <source>Cannot reach the server of %1. Your text is kept: press Send to try again.</source>
        <translation>Tidak dapat menghubungi server %1. Teks Anda tetap tersimpan: tekan Kirim untuk mencoba lagi.</translation>
    </message>
    <message>
        <source>Cannot reach the server of %1. Showing cached posts; will retry.</source>
        <translation>Tidak dapat menghubungi server %1. Menampilkan postingan tersimpan; akan dicoba lagi.</translation>
    </message>
    <message>
        <source>The session of %1 has ended. Sign in again.</source>
        <translation>Sesi %1 telah berakhir. Silakan masuk kembali.</translation>
    </message>
    <message>
        <source>The network asks %1 to slow down. Next try in %n min.</source>
        <translation>Jaringan meminta %1 untuk memperlambat permintaan. Percobaan berikutnya dalam %n menit.</translation>
    </message>
    <message>
        <source>The text is too long for this network: %1 characters, at most %2.</source>
        <translation>Teks terlalu panjang untuk jaringan ini: %1 karakter, paling banyak %2.</translation>
    </message>
    <message>
        <source>An image is too large for this network (at most %1 MB). Pick a smaller one.</source>
        <translation>Gambar terlalu besar untuk jaringan ini (paling besar %1 MB). Pilih yang lebih kecil.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read any more. Pick it again.</source>
        <translation>Berkas %1 tidak dapat dibaca lagi. Pilih ulang berkasnya.</translation>
    </message>
    <message>
        <source>The app password of %1 does not allow direct messages. Make a new one with “Allow access to your direct messages” ticked and sign in with it.</source>
        <translation>Sandi aplikasi %1 tidak mengizinkan pesan langsung. Buat sandi baru dengan mencentang “Izinkan akses ke pesan langsung Anda”, lalu masuk dengan sandi itu.</translation>
    </message>
    <message>
        <source>That post or page no longer exists (%1).</source>
        <translation>Postingan atau halaman tersebut sudah tidak ada (%1).</translation>
    </message>
    <message>
        <source>The server refused the request of %1.</source>
        <translation>Server menolak permintaan %1.</translation>
    </message>
    <message>
        <source>The server of %1 has a problem. Will retry later.</source>
        <translation>Server %1 sedang bermasalah. Akan dicoba lagi nanti.</translation>
    </message>
    <message>
        <source>The server of %1 sent data Pantau does not understand.</source>
        <translation>Server %1 mengirim data yang tidak dipahami Pantau.</translation>
    </message>
    <message>
        <source>This version of Pantau cannot connect to the network of %1 yet.</source>
        <translation>Versi Pantau ini belum dapat terhubung ke jaringan %1.</translation>
    </message>
    <message>
        <source>No secure password store is available, so Pantau will not save sign-ins. Install and unlock GNOME Keyring or KWallet (on Windows: Credential Manager).</source>
        <translation>Penyimpanan kata sandi yang aman tidak tersedia, sehingga Pantau tidak akan menyimpan data masuk. Pasang dan buka kunci GNOME Keyring atau KWallet (di Windows: Credential Manager).</translation>
    </message>
    <message>
        <source>The password store refused access for %1. Unlock it and try again.</source>
        <translation>Penyimpanan kata sandi menolak akses untuk %1. Buka kuncinya, lalu coba lagi.</translation>
    </message>
    <message>
        <source>The local cache cannot be written. Check free disk space.</source>
        <translation>Cache lokal tidak dapat ditulis. Periksa ruang kosong pada disk.</translation>
    </message>
    <message>
        <source>Something went wrong. Details are in the log file.</source>
        <translation>Terjadi kesalahan. Rinciannya ada di berkas log.</translation>
    </message>
</context>
<context>
    <name>reach</name>
    <message>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Followers at start</source>
        <translation>Pengikut di awal</translation>
    </message>
    <message>
        <source>Followers at end</source>
        <translation>Pengikut di akhir</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>Pertumbuhan</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Postingan</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Balasan</translation>
    </message>
    <message>
        <source>Reposts</source>
        <translation>Repost</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>Suka</translation>
    </message>
    <message>
        <source>Followers per day</source>
        <translation>Pengikut per hari</translation>
    </message>
    <message>
        <source>No follower counts yet: Pantau samples them once a day while it runs.</source>
        <translation>Belum ada jumlah pengikut: Pantau mencatatnya sekali sehari selama berjalan.</translation>
    </message>
    <message>
        <source>Replies, reposts and likes per post, by hour posted</source>
        <translation>Balasan, repost, dan suka per postingan, menurut jam unggah</translation>
    </message>
    <message>
        <source>Per post</source>
        <translation>Per postingan</translation>
    </message>
    <message>
        <source>The office posted nothing this month.</source>
        <translation>Kantor tidak mengunggah apa pun bulan ini.</translation>
    </message>
    <message>
        <source>Posts did best when published at %1.</source>
        <translation>Postingan paling berhasil bila diunggah pukul %1.</translation>
    </message>
</context>
<context>
    <name>replies</name>
    <message>
        <source>This file is not a saved-replies file (it is not JSON).</source>
        <translation>Berkas ini bukan berkas balasan tersimpan (bukan JSON).</translation>
    </message>
    <message>
        <source>This file is not a Pantau saved-replies file.</source>
        <translation>Berkas ini bukan berkas balasan tersimpan Pantau.</translation>
    </message>
    <message>
        <source>This file was made by a newer Pantau. Update Pantau to import it.</source>
        <translation>Berkas ini dibuat oleh Pantau versi lebih baru. Perbarui Pantau untuk mengimpornya.</translation>
    </message>
    <message>
        <source>This file holds more saved replies than Pantau takes (1000).</source>
        <translation>Berkas ini berisi lebih banyak balasan tersimpan daripada yang diterima Pantau (1000).</translation>
    </message>
    <message>
        <source>Reply %1 in the file has no usable keyword or text. Nothing was imported.</source>
        <translation>Balasan ke-%1 dalam berkas tidak memiliki kata kunci atau teks yang dapat dipakai. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>Saved replies</source>
        <translation>Balasan tersimpan</translation>
    </message>
    <message>
        <source>Type /keyword in a reply and press Tab to insert one. {nama}, {akun} and {tanggal} are filled in for you; Pantau selects any other {placeholder} for you to type over.</source>
        <translation>Ketik /katakunci dalam balasan lalu tekan Tab untuk menyisipkannya. {nama}, {akun}, dan {tanggal} diisi otomatis; {isian} lainnya dipilihkan Pantau agar tinggal Anda ketik.</translation>
    </message>
    <message>
        <source>Import from a file…</source>
        <translation>Impor dari berkas…</translation>
    </message>
    <message>
        <source>Export to a file…</source>
        <translation>Ekspor ke berkas…</translation>
    </message>
    <message>
        <source>Keyword:</source>
        <translation>Kata kunci:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Judul:</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>A keyword is one short word: letters, digits, - or _ (for example daftar).</source>
        <translation>Kata kunci berupa satu kata pendek: huruf, angka, - atau _ (misalnya daftar).</translation>
    </message>
    <message>
        <source>Write the reply text.</source>
        <translation>Tulis teks balasannya.</translation>
    </message>
    <message>
        <source>Another saved reply already uses /%1.</source>
        <translation>Balasan tersimpan lain sudah memakai /%1.</translation>
    </message>
    <message>
        <source>Import saved replies</source>
        <translation>Impor balasan tersimpan</translation>
    </message>
    <message>
        <source>Saved replies (*.json)</source>
        <translation>Balasan tersimpan (*.json)</translation>
    </message>
    <message>
        <source>Export saved replies</source>
        <translation>Ekspor balasan tersimpan</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Berkas tidak dapat dibaca.</translation>
    </message>
    <message>
        <source>Imported: %1.</source>
        <translation>Diimpor: %1.</translation>
    </message>
    <message>
        <source>The file cannot be written there.</source>
        <translation>Berkas tidak dapat disimpan di sana.</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>Monthly report</source>
        <translation>Laporan bulanan</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Bulan sebelumnya</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Bulan</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Bulan berikutnya</translation>
    </message>
    <message>
        <source>By agency</source>
        <translation>Per OPD</translation>
    </message>
    <message>
        <source>By topic</source>
        <translation>Per topik</translation>
    </message>
    <message>
        <source>Top words</source>
        <translation>Kata teratas</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>Per hari</translation>
    </message>
    <message>
        <source>Account reach</source>
        <translation>Jangkauan akun</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Ekspor PNG…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Ekspor PDF…</translation>
    </message>
    <message>
        <source>The report for %1 could not be made. %2</source>
        <translation>Laporan %1 tidak dapat dibuat. %2</translation>
    </message>
    <message>
        <source>Cases received in %1. Deadlines as of %2, in working days.</source>
        <translation>Kasus yang diterima pada %1. Tenggat per %2, dalam hari kerja.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>OPD</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topik</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Kasus</translation>
    </message>
    <message>
        <source>Word</source>
        <translation>Kata</translation>
    </message>
    <message>
        <source>Phrase</source>
        <translation>Frasa</translation>
    </message>
    <message>
        <source>Choose a folder for the CSV files</source>
        <translation>Pilih folder untuk berkas CSV</translation>
    </message>
    <message>
        <source>Export the report as an image</source>
        <translation>Ekspor laporan sebagai gambar</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Gambar PNG (*.png)</translation>
    </message>
    <message>
        <source>Export the report as PDF</source>
        <translation>Ekspor laporan sebagai PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Ekspor gagal</translation>
    </message>
    <message>
        <source>The report could not be saved to %1: %2</source>
        <translation>Laporan tidak dapat disimpan ke %1: %2</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Tersimpan: %1</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Belum didisposisikan</translation>
    </message>
    <message>
        <source>No topic</source>
        <translation>Tanpa topik</translation>
    </message>
    <message>
        <source>Received %1 · answered %2 · overdue %3 · median %4 working days to answer</source>
        <translation>Diterima %1 · dijawab %2 · terlambat %3 · median %4 hari kerja sampai dijawab</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Dijawab</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Not a complaint</source>
        <translation>Bukan aduan</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Terlambat</translation>
    </message>
    <message>
        <source>Median days</source>
        <translation>Median hari</translation>
    </message>
    <message>
        <source>P90 days</source>
        <translation>P90 hari</translation>
    </message>
    <message>
        <source>Cases per agency</source>
        <translation>Kasus per OPD</translation>
    </message>
    <message>
        <source>Median working days to answer, by week received</source>
        <translation>Median hari kerja sampai dijawab, per minggu diterima</translation>
    </message>
    <message>
        <source>Median working days</source>
        <translation>Median hari kerja</translation>
    </message>
    <message>
        <source>No case received this month has been answered yet.</source>
        <translation>Belum ada kasus bulan ini yang dijawab.</translation>
    </message>
    <message>
        <source>Cases received per day</source>
        <translation>Kasus diterima per hari</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>halaman %1</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Kata</translation>
    </message>
    <message>
        <source>Phrases</source>
        <translation>Frasa</translation>
    </message>
    <message>
        <source>A case with several topics is counted under each of them.</source>
        <translation>Kasus dengan beberapa topik dihitung pada setiap topiknya.</translation>
    </message>
    <message>
        <source>What people wrote about</source>
        <translation>Yang dibicarakan warga</translation>
    </message>
</context>
<context>
    <name>schedule_edit</name>
    <message>
        <source>Change scheduled post</source>
        <translation>Ubah postingan terjadwal</translation>
    </message>
    <message>
        <source>Goes out at:</source>
        <translation>Terbit pada:</translation>
    </message>
    <message>
        <source>The post has no text.</source>
        <translation>Postingan belum berisi teks.</translation>
    </message>
    <message>
        <source>Choose a time at least 6 minutes from now.</source>
        <translation>Pilih waktu paling cepat 6 menit dari sekarang.</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Same as the computer</source>
        <translation>Sama dengan komputer</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Bahasa:</translation>
    </message>
    <message>
        <source>every %n min</source>
        <translation>setiap %n menit</translation>
    </message>
    <message>
        <source>Fetch new posts:</source>
        <translation>Ambil postingan baru:</translation>
    </message>
    <message>
        <source>WIB (Western Indonesia, Jakarta)</source>
        <translation>WIB (Indonesia Barat, Jakarta)</translation>
    </message>
    <message>
        <source>WITA (Central Indonesia, Makassar)</source>
        <translation>WITA (Indonesia Tengah, Makassar)</translation>
    </message>
    <message>
        <source>WIT (Eastern Indonesia, Jayapura)</source>
        <translation>WIT (Indonesia Timur, Jayapura)</translation>
    </message>
    <message>
        <source>Office time zone:</source>
        <translation>Zona waktu kantor:</translation>
    </message>
    <message>
        <source>ask me</source>
        <translation>tanyakan saya</translation>
    </message>
    <message>
        <source>send them at once</source>
        <translation>langsung kirim</translation>
    </message>
    <message>
        <source>hold them for me</source>
        <translation>tahan dulu</translation>
    </message>
    <message>
        <source>Scheduled Bluesky and X posts are sent by Pantau itself. When Pantau was closed at their time, this decides what happens on the next start.</source>
        <translation>Postingan terjadwal Bluesky dan X dikirim oleh Pantau sendiri. Jika Pantau tertutup pada waktunya, pilihan ini menentukan apa yang terjadi saat Pantau dibuka lagi.</translation>
    </message>
    <message>
        <source>Scheduled posts that missed their time:</source>
        <translation>Postingan terjadwal yang terlewat waktunya:</translation>
    </message>
    <message>
        <source>A new language applies when Pantau restarts.</source>
        <translation>Bahasa baru berlaku setelah Pantau dimulai ulang.</translation>
    </message>
</context>
<context>
    <name>signin</name>
    <message>
        <source>Add a Mastodon account</source>
        <translation>Tambah akun Mastodon</translation>
    </message>
    <message>
        <source>Works with Mastodon, GoToSocial, Akkoma and Pleroma servers. Pantau opens the server&apos;s approval page in your browser.</source>
        <translation>Bisa untuk server Mastodon, GoToSocial, Akkoma, dan Pleroma. Pantau membuka halaman persetujuan server di peramban Anda.</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Sign in with the browser</source>
        <translation>Masuk lewat peramban</translation>
    </message>
    <message>
        <source>The browser cannot return to Pantau? Use a code</source>
        <translation>Peramban tidak bisa kembali ke Pantau? Pakai kode</translation>
    </message>
    <message>
        <source>Paste the code the server shows</source>
        <translation>Tempel kode yang ditampilkan server</translation>
    </message>
    <message>
        <source>Add a Bluesky account</source>
        <translation>Tambah akun Bluesky</translation>
    </message>
    <message>
        <source>Sign in with an app password, not the account&apos;s main password. In Bluesky open Settings → Privacy and security → App passwords → Add App Password, and tick “Allow access to your direct messages” so Pantau can answer DMs.</source>
        <translation>Masuk dengan sandi aplikasi, bukan sandi utama akun. Di Bluesky buka Pengaturan → Privasi dan keamanan → Sandi aplikasi → Tambah Sandi Aplikasi, lalu centang “Izinkan akses ke pesan langsung Anda” agar Pantau dapat membalas DM.</translation>
    </message>
    <message>
        <source>Open the app passwords page</source>
        <translation>Buka halaman sandi aplikasi</translation>
    </message>
    <message>
        <source>Handle:</source>
        <translation>Handle:</translation>
    </message>
    <message>
        <source>App password:</source>
        <translation>Sandi aplikasi:</translation>
    </message>
    <message>
        <source>Only for a self-hosted server (PDS); leave empty for bsky.social.</source>
        <translation>Hanya untuk server sendiri (PDS); kosongkan untuk bsky.social.</translation>
    </message>
    <message>
        <source>Server (optional):</source>
        <translation>Server (opsional):</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Type the account&apos;s handle and an app password.</source>
        <translation>Ketik handle akun dan sandi aplikasinya.</translation>
    </message>
    <message>
        <source>The server is an address such as https://pds.example.go.id.</source>
        <translation>Server berupa alamat seperti https://pds.example.go.id.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Sedang masuk…</translation>
    </message>
    <message>
        <source>The handle or the app password is wrong. Check both, or make a new app password.</source>
        <translation>Handle atau sandi aplikasi salah. Periksa keduanya, atau buat sandi aplikasi baru.</translation>
    </message>
    <message>
        <source>Type the server&apos;s name, for example mastodon.social.</source>
        <translation>Ketik nama server, misalnya mastodon.social.</translation>
    </message>
    <message>
        <source>Open the approval page first, then paste the code it shows.</source>
        <translation>Buka halaman persetujuan dulu, lalu tempel kode yang ditampilkannya.</translation>
    </message>
    <message>
        <source>Approve Pantau in your browser, then come back here…</source>
        <translation>Setujui Pantau di peramban Anda, lalu kembali ke sini…</translation>
    </message>
    <message>
        <source>Access was not granted in the browser.</source>
        <translation>Izin tidak diberikan di peramban.</translation>
    </message>
    <message>
        <source>No answer from the browser. Try again, or use a code.</source>
        <translation>Tidak ada jawaban dari peramban. Coba lagi, atau pakai kode.</translation>
    </message>
    <message>
        <source>Approve Pantau in the browser and paste the code shown there.</source>
        <translation>Setujui Pantau di peramban dan tempel kode yang tampil di sana.</translation>
    </message>
</context>
<context>
    <name>thread</name>
    <message>
        <source>Conversation</source>
        <translation>Percakapan</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Balas</translation>
    </message>
    <message>
        <source>Demo: only the latest message is cached.</source>
        <translation>Demo: hanya pesan terakhir yang tersimpan.</translation>
    </message>
    <message>
        <source>Loading the conversation…</source>
        <translation>Memuat percakapan…</translation>
    </message>
</context>
<context>
    <name>time</name>
    <message>
        <source>now</source>
        <translation>baru saja</translation>
    </message>
    <message>
        <source>%n min</source>
        <translation>%n mnt</translation>
    </message>
    <message>
        <source>%n h</source>
        <translation>%n jam</translation>
    </message>
    <message>
        <source>%n d</source>
        <translation>%n hr</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>%1 lagi</translation>
    </message>
</context>
<context>
    <name>triage</name>
    <message>
        <source>Assign %n case(s) to</source>
        <translation>Disposisikan %n kasus ke</translation>
    </message>
    <message>
        <source>Type to find an agency (code or name)</source>
        <translation>Ketik untuk mencari OPD (kode atau nama)</translation>
    </message>
    <message>
        <source>(remove the agency)</source>
        <translation>(hapus OPD)</translation>
    </message>
    <message>
        <source>%n working day(s)</source>
        <translation>%n hari kerja</translation>
    </message>
    <message>
        <source>Forward to an agency within:</source>
        <translation>Teruskan ke OPD dalam:</translation>
    </message>
    <message>
        <source>Follow up after forwarding within:</source>
        <translation>Tindak lanjut setelah diteruskan dalam:</translation>
    </message>
    <message>
        <source>Your name in case history:</source>
        <translation>Nama Anda di riwayat kasus:</translation>
    </message>
    <message>
        <source>SP4N-LAPOR! asks that a report is forwarded within 3 working days and followed up within 5. Weekends and the holidays in the Holidays tab do not count; the day a report arrives does not count either.</source>
        <translation>SP4N-LAPOR! meminta laporan diteruskan dalam 3 hari kerja dan ditindaklanjuti dalam 5 hari kerja. Akhir pekan dan hari libur di tab Hari libur tidak dihitung; hari laporan masuk juga tidak dihitung.</translation>
    </message>
    <message>
        <source>The cases were not changed: %1</source>
        <translation>Kasus tidak diubah: %1</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>Hari libur</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>Tenggat</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Tidak tersimpan</translation>
    </message>
    <message>
        <source>The lists were not saved: %1</source>
        <translation>Daftar tidak tersimpan: %1</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Scheduled posts that missed their time while Pantau was closed: %n. They wait in the Scheduled column.</source>
        <translation>Postingan terjadwal yang terlewat waktunya selama Pantau tertutup: %n. Semuanya menunggu di kolom Terjadwal.</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>Compose</source>
        <translation>Tulis</translation>
    </message>
    <message>
        <source>Demo data: nothing is sent or fetched from the networks.</source>
        <translation>Data demo: tidak ada yang dikirim ke atau diambil dari jaringan.</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Bilah alat utama</translation>
    </message>
    <message>
        <source>New post</source>
        <translation>Postingan baru</translation>
    </message>
    <message>
        <source>Add column</source>
        <translation>Tambah kolom</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Saved replies</source>
        <translation>Balasan tersimpan</translation>
    </message>
    <message>
        <source>Refresh all</source>
        <translation>Segarkan semua</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Aduan</translation>
    </message>
    <message>
        <source>Monthly report…</source>
        <translation>Laporan bulanan…</translation>
    </message>
    <message>
        <source>Agencies, topics and holidays…</source>
        <translation>OPD, topik, dan hari libur…</translation>
    </message>
    <message>
        <source>No connection: showing cached posts. Pantau keeps trying.</source>
        <translation>Tidak ada koneksi: menampilkan postingan tersimpan. Pantau terus mencoba.</translation>
    </message>
    <message>
        <source>Connected again.</source>
        <translation>Tersambung kembali.</translation>
    </message>
    <message>
        <source>Sign-in for this network is not available yet.</source>
        <translation>Fitur masuk untuk jaringan ini belum tersedia.</translation>
    </message>
    <message>
        <source>%1 was added. Add columns for it with Add column.</source>
        <translation>%1 ditambahkan. Tambahkan kolom untuknya lewat Tambah kolom.</translation>
    </message>
    <message>
        <source>%1 was removed.</source>
        <translation>%1 telah dihapus.</translation>
    </message>
    <message>
        <source>This link was not opened: it is not a web address.</source>
        <translation>Tautan ini tidak dibuka: bukan alamat web.</translation>
    </message>
    <message>
        <source>The account that received this post was removed.</source>
        <translation>Akun yang menerima postingan ini telah dihapus.</translation>
    </message>
    <message>
        <source>The account that received this report was removed.</source>
        <translation>Akun yang menerima laporan ini sudah dihapus.</translation>
    </message>
    <message>
        <source>Demo: scheduled posts are not changed.</source>
        <translation>Demo: postingan terjadwal tidak diubah.</translation>
    </message>
    <message>
        <source>Cancel scheduled post</source>
        <translation>Batalkan postingan terjadwal</translation>
    </message>
    <message>
        <source>Cancel this scheduled post? It will not be published.</source>
        <translation>Batalkan postingan terjadwal ini? Postingan tidak akan diterbitkan.</translation>
    </message>
    <message>
        <source>Scheduled post of %1 sent.</source>
        <translation>Postingan terjadwal %1 terkirim.</translation>
    </message>
    <message>
        <source>Scheduled posts missed</source>
        <translation>Postingan terjadwal terlewat</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Kirim sekarang</translation>
    </message>
    <message>
        <source>Cancel them</source>
        <translation>Batalkan</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Putuskan nanti</translation>
    </message>
    <message>
        <source>Add an account first, then write a post.</source>
        <translation>Tambahkan akun dulu, lalu tulis postingan.</translation>
    </message>
</context>
</TS>
