#!/bin/sh
# test_evidence_files.sh: `copro evidence attach|files|detach`: the type
# read from the bytes (a renamed SVG or a bare ZIP refused), the 10 MB
# limit, safe names, the activity log, and removal; then the upload
# through the real server: a signed-out upload is answered before its
# 10 MB body is read, and a lead's upload is stored byte for byte.
. "$(dirname "$0")/lib.sh"

two_orgs
"$COPRO" evidence add 1 --title "Forum minutes" --with parents >/dev/null
"$COPRO" evidence add 2 --title "Their minutes" --with parents >/dev/null
printf '%%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%%%EOF\n' >"$WORK/minutes.pdf"
printf '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' >"$WORK/chart.png"
python3 -c '
import zipfile, sys
z = zipfile.ZipFile(sys.argv[1], "w"); z.writestr("notes.txt", "hello"); z.close()
z = zipfile.ZipFile(sys.argv[2], "w"); z.writestr("[Content_Types].xml", "<Types/>")
z.writestr("word/document.xml", "<w:document/>"); z.close()' "$WORK/bundle.docx" "$WORK/report.docx"

expect_out "attach a PDF" "Attached file 1 to evidence 1: minutes.pdf (PDF document, 45 bytes)." \
	evidence attach 1 "$WORK/minutes.pdf"
expect_out "a Word document is told apart from a ZIP by what it holds" "(Word document," \
	evidence attach 1 "$WORK/report.docx" --name "../../Report to governors.docx"
expect_fail "an SVG named .png is refused by its bytes" 1 "contents are image/svg+xml, which copro does not take" \
	evidence attach 1 "$WORK/chart.png"
expect_fail "a bare ZIP named .docx is refused" 1 "is a ZIP archive, not a document" \
	evidence attach 1 "$WORK/bundle.docx"
head -c 10485761 /dev/zero >"$WORK/big.pdf"
expect_fail "a file over 10 MB is refused" 1 "a file can be up to 10 MB" evidence attach 1 "$WORK/big.pdf"
: >"$WORK/empty.txt"
expect_fail "an empty file is refused" 1 "the file is empty" evidence attach 1 "$WORK/empty.txt"
expect_fail "a missing file" 1 "cannot read" evidence attach 1 "$WORK/none.pdf"
expect_fail "no such evidence" 1 "there is no evidence number 9" evidence attach 9 "$WORK/minutes.pdf"
expect_fail "no file named" 2 "" evidence attach 1

expect_ok "evidence files" evidence files 1
same "files lists name, type, size and who" "1  minutes.pdf  PDF document, 45 bytes, added by copro on $(date -u +%Y-%m-%d)
2  Report to governors.docx  Word document, 241 bytes, added by copro on $(date -u +%Y-%m-%d)" \
	"$(printf '%s' "$out" | sed 's/Word document, [0-9]* bytes/Word document, 241 bytes/')"
expect_ok "evidence files --json" evidence files 1 --json
same "the SHA-256 is the file's" "$(sha256sum "$WORK/minutes.pdf" | cut -d' ' -f1)" "$(json_get "$out" 'd[0]["sha256"]')"
check "the upload is in the activity log" [ "$(db_sql "SELECT COUNT(*) FROM activity WHERE what LIKE 'attached file minutes.pdf to evidence 1%'")" = 1 ]
expect_fail "a file of another item is not found" 1 "evidence 2 has no file number 1" evidence detach 2 1
expect_out "detach" "Removed file 1 (minutes.pdf) from evidence 1; its bytes are deleted." evidence detach 1 1
check "the bytes are gone" [ "$(db_sql "SELECT COUNT(*) FROM evidence_file_data WHERE file_id = 1")" = 0 ]
check "the removal is in the activity log" [ "$(db_sql "SELECT COUNT(*) FROM activity WHERE what = 'removed file minutes.pdf from evidence 1'")" = 1 ]
case $DB in
postgresql:*)
	# copro backup copies SQLite files only (test_data.sh checks that it
	# refuses here): the bytes are read in the database itself.
	same "the database holds the file's digest" "$(sha256sum "$WORK/report.docx" | cut -d' ' -f1)" \
		"$(db_sql "SELECT sha256 FROM evidence_file WHERE id = 2")"
	same "and its bytes, byte for byte" "$(sha256sum "$WORK/report.docx" | cut -d' ' -f1)" \
		"$(db_sql "SELECT encode(sha256(bytes), 'hex') FROM evidence_file_data WHERE file_id = 2")"
	;;
*)
	expect_ok "copro backup" backup "$WORK/backup.db"
	same "the backup holds the file's bytes" "$(sha256sum "$WORK/report.docx" | cut -d' ' -f1)" \
		"$(sqlite3 "$WORK/backup.db" "SELECT sha256 FROM evidence_file WHERE id = 2")"
	check "and they are the file's, byte for byte" sh -c "sqlite3 '$WORK/backup.db' \"SELECT writefile('$WORK/out.docx', bytes) FROM evidence_file_data WHERE file_id = 2\" >/dev/null && cmp -s '$WORK/out.docx' '$WORK/report.docx'"
	;;
esac
expect_ok "copro export" export 1 --output "$WORK/org.json"
same "the export carries the files, in base64" "['Report to governors.docx']" \
	"$(python3 -c 'import json,sys; print([f["name"] for f in json.load(open(sys.argv[1]))["evidence_files"]])' "$WORK/org.json")"
expect_out "an item without files says how to attach one" "copro evidence attach 2 FILE" evidence files 2

# ---- the evidence pack ------------------------------------------------------
"$COPRO" evaluation start 1 four-cornerstones 2026-27 >/dev/null
"$COPRO" evidence link 1 1 1i.a 2iii.b >/dev/null
"$COPRO" evidence add 1 --title "=1+1 formula" --with cyp --evaluation 1 --link 1ii.a >/dev/null
"$COPRO" evidence attach 3 "$WORK/report.docx" --name "Report to governors.docx" >/dev/null
expect_fail "the pack needs --output" 2 "--output FILE.zip is required" evidence pack 1
expect_fail "no such evaluation" 1 "evaluation" evidence pack 9 --output "$WORK/none.zip"
expect_out "evidence pack" "Wrote the evidence pack of evaluation 1 to $WORK/pack.zip" evidence pack 1 --output "$WORK/pack.zip"
same "it holds the report, readiness, the list and the files (a repeated name numbered)" \
	"evidence-files/Report to governors (2).docx evidence-files/Report to governors.docx evidence.csv readiness.txt report.pdf" \
	"$(python3 -c 'import zipfile,sys; print(" ".join(sorted(zipfile.ZipFile(sys.argv[1]).namelist())))' "$WORK/pack.zip")"
check "the files come back byte for byte" sh -c "python3 -c 'import zipfile,sys; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(\"evidence-files/Report to governors (2).docx\"))' '$WORK/pack.zip' | cmp -s - '$WORK/report.docx'"
csv=$(python3 -c 'import zipfile,sys; print(zipfile.ZipFile(sys.argv[1]).read("evidence.csv").decode())' "$WORK/pack.zip")
check "the list names each item's indicators and files" sh -c 'printf "%s" "$1" | grep -q "^1,Forum minutes,.*,1i.a; 2iii.b,,evidence-files/Report to governors.docx,"' _ "$csv"
check "with the formula guard" sh -c 'printf "%s" "$1" | grep -q "^3,'"'"'=1+1 formula,"' _ "$csv"
check "the report is a PDF" sh -c "python3 -c 'import zipfile,sys; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(\"report.pdf\"))' '$WORK/pack.zip' | head -c 5 | grep -q '%PDF-'"

# ---- through the server -------------------------------------------------
printf 'a long enough password\n' | "$COPRO" user add --name "Lee Lead" --email lee@example.org \
	--role lead --org 1 >/dev/null 2>&1
serve_start
lbase="http://localhost:$port"
jar="$WORK/jar"
token() { sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$1" | head -1; }
curl -s -c "$jar" -b "$jar" -o "$WORK/signin" "$lbase/sign-in"
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "email=lee@example.org" \
	--data-urlencode "password=a long enough password" --data-urlencode "csrf=$(token "$WORK/signin")" "$lbase/sign-in"
curl -s -b "$jar" -o "$WORK/form" "$lbase/org/1/evidence/1/files"
action=$(sed -n 's/.*action="\(\/org\/1\/evidence\/1\/files?csrf=[0-9a-f]*\)".*/\1/p' "$WORK/form")
check "the form's address carries its token" [ -n "$action" ]

# A raw socket sends only the headers of a 10 MB upload, signed out: the
# answer comes without a byte of the body, and the connection is closed.
raw() {
	python3 - "$port" "$1" "$2" "${3:-10485760}" <<'PY'
import socket, sys
port, path, cookie, size = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
s = socket.create_connection(("127.0.0.1", port))
s.sendall((f"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=b\r\n"
           f"Content-Length: {size}\r\n" + (f"Cookie: {cookie}\r\n" if cookie else "") + "\r\n").encode())
s.settimeout(10)
head = s.recv(65536).split(b"\r\n")[0].decode()
sent = 0
try:
    while sent < size:
        sent += s.send(b"x" * 65536)
    s.settimeout(2)
    closed = s.recv(1) == b""
except OSError:
    closed = True
print(head.split(" ")[1], "closed" if closed else "open")
PY
}
same "signed out: answered (303 to sign in) before the body, then closed" "303 closed" "$(raw /org/1/evidence/1/files "")"
cookie="__Host-copro=$(awk '$6 == "__Host-copro" {print $7}' "$jar")"
same "signed in without the form's token: 403 before the body" "403 closed" "$(raw /org/1/evidence/1/files "$cookie")"
same "another organisation's item: 404 before the body" "404 closed" "$(raw "/org/2/evidence/2/files?${action#*\?}" "$cookie")"
same "11 MB declared is over the limit: 413 before the body" "413 closed" "$(raw "$action" "$cookie" 11534336)"

head -c 3000000 /dev/urandom >"$WORK/photo.bin"
{ printf '\377\330\377\340\000\020JFIF\000\001\001\000\000\001\000\001\000\000'; cat "$WORK/photo.bin"; } >"$WORK/photo.jpg"
status=$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' -F "file=@$WORK/photo.jpg;type=text/html" "$lbase$action")
check "a lead's 3 MB JPEG (the browser's word ignored) is 303" [ "$status" = 303 ]
id=$(db_sql "SELECT id FROM evidence_file WHERE name = 'photo.jpg'")
check "stored as a JPEG" [ "$(db_sql "SELECT media_type FROM evidence_file WHERE id = $id")" = image/jpeg ]
curl -s -b "$jar" -D "$WORK/headers" -o "$WORK/back.jpg" "$lbase/org/1/evidence/1/file/$id"
check "downloaded byte for byte" cmp -s "$WORK/photo.jpg" "$WORK/back.jpg"
check "as an attachment with both file names" grep -q "^Content-Disposition: attachment; filename=\"photo.jpg\"; filename\*=UTF-8''photo.jpg" "$WORK/headers"
check "never sniffed" grep -qi "^X-Content-Type-Options: nosniff" "$WORK/headers"
check "sandboxed" grep -q "^Content-Security-Policy: default-src 'none'; sandbox" "$WORK/headers"
status=$(curl -s -b "$jar" -o "$WORK/body" -w '%{http_code}' -F "file=@$WORK/chart.png;type=image/png" "$lbase$action")
check "an SVG named chart.png is 400" [ "$status" = 400 ]
check "with the form and its error" grep -q "<title>Error: Attach a file" "$WORK/body"
kill -TERM "$pid"
wait "$pid"
finish
