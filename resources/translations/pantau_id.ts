<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
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
        <source>Direct messages</source>
        <translation>Pesan langsung</translation>
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
        <source>Text for %1 (leave empty to post the same text):</source>
        <translation>Teks untuk %1 (kosongkan untuk memakai teks yang sama):</translation>
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
