#!/usr/bin/env bash
# Installs what is missing, builds `nazorg` and `nazorg-server`, and shows:
#   1. the ambulant worker's offline flow on a fixture family (keys, certified laptop, plan, edits, refusals);
#   2. the blind sync server on its embedded SQLite store, with the worker's laptop and a colleague's
#      converging, a concurrent edit shown as a conflict on both, and resolved.
# Everything happens in a scratch directory that is removed at the end (keep it with KEEP=1).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift build --product nazorg >/dev/null
swift build --product nazorg-server >/dev/null
bin="$(swift build --product nazorg --show-bin-path)/nazorg"
server_bin="$(swift build --product nazorg --show-bin-path)/nazorg-server"

work="$(mktemp -d /tmp/nazorg-demo.XXXXXX)"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; [ "${KEEP:-0}" = 1 ] || rm -rf "$work"; }
trap cleanup EXIT
cd "$work"
# Demo passphrases: in real use they come from a prompt without echo, never from the command line.
head -c 24 /dev/urandom | base64 > beheerder.pass
head -c 24 /dev/urandom | base64 > werker.pass
export NAZORG_PROFILE="$work/laptop"

step() { printf '\n\033[1m$ nazorg %s\033[0m\n' "$*"; }
sstep() { printf '\n\033[1m$ nazorg-server %s\033[0m\n' "$*"; }
run() { step "$@"; "$bin" "$@"; }
refused() { step "$@"; if "$bin" "$@"; then echo "(unexpectedly accepted)"; exit 1; else echo "(exit $?: refused as it should be)"; fi; }

echo "== De beheerder maakt de sleutels van de organisatie"
NAZORG_PASSPHRASE_FILE=beheerder.pass run org init --name "Vrouwenopvang Voorbeeldregio" --dir org

echo; echo "== De ambulant begeleider maakt een profiel op haar laptop; de beheerder certificeert het"
export NAZORG_PASSPHRASE_FILE=werker.pass
run device init --worker "Mira Visser" --org org/organisation.pub
NAZORG_PASSPHRASE_FILE=beheerder.pass run org certify laptop/device-request.json --org-key org/organisation.key --out laptop.cert
run device install-certificate laptop.cert
run device show

echo; echo "== Offline bij het gezin thuis: het gezinsplan van Gezin Zonnebloem (REQUIREMENTS §9, scenario 1)"
out=$("$bin" family import "$OLDPWD/Fixtures/families/zonnebloem.json"); step family import Fixtures/families/zonnebloem.json; echo "$out"
family=$(echo "$out" | awk '{print $2}')
run family list
run family show "$family"

echo; echo "== Een nieuwe partner na vertrek: toevoegen en een nieuwe risicotaxatie (norm 3.5b)"
partner=$("$bin" member add "$family" --naam "Nieuwe partner" --rol nieuwe-partner --toegevoegd-na-vertrek ja | awk '{print $2}')
step member add "$family" --naam "Nieuwe partner" --rol nieuwe-partner --toegevoegd-na-vertrek ja; echo "lid $partner toegevoegd"
run risk assess "$family" --lid "$partner" --classificatie oranje --instrument RiVaS --aanleiding "nieuwe partner in huis" --face-to-face ja --organisatie "Vrouwenopvang Voorbeeldregio" --datum 2026-11-20
run contact log "$family" --datum 2026-11-20 --vorm huisbezoek --verslag "nieuwe partner besproken; veiligheidsplan aangepast"
run evaluation record "$family" --datum 2026-11-21 --soort drie-maanden --deelnemers "Anna, Mira" --uitkomst "wonen op orde; opvoedondersteuning loopt"

echo; echo "== Onmogelijke invoer wordt geweigerd met een melding die het veld noemt"
refused member add "$family" --naam "X" --rol kind --geboortedatum 2020-02-30
refused zrm record "$family" --datum 2026-11-21 --score financien=7

echo; echo "== Nazorg afsluiten kan pas als er een regisseur is voor minstens zes maanden daarna"
regisseur=$("$bin" family show "$family" --json | grep -B1 '"kind" : "regisseur"' | sed -n -E 's/.*"id" : "([0-9a-f]{8}).*/\1/p')
run regisseur update "$family" "$regisseur" --tot 2027-03-01
refused aftercare close "$family" --datum 2026-11-22 --reden "doelen behaald"
run regisseur update "$family" "$regisseur" --tot 2027-06-30
run aftercare close "$family" --datum 2026-11-22 --reden "doelen behaald; wijkteam houdt de vinger aan de pols"
run family show "$family"

echo; echo "== Niets leesbaars op schijf: zoek de naam van het gezin in de database, WAL en alle andere bestanden"
if grep -r -l -a "Zonnebloem" "$NAZORG_PROFILE"; then echo "PLAINTEXT FOUND"; exit 1; else echo "'Zonnebloem' komt in geen enkel bestand van het profiel voor"; fi
echo; echo "== De synchronisatieserver: hij bewaart alleen versleutelde wijzigingen (embedded SQLite in $work/server)"
port=$(( 20000 + RANDOM % 20000 ))
sstep "org add --data server org/organisation.pub"; "$server_bin" org add --data server org/organisation.pub
sstep "serve --data server --port $port &"
"$server_bin" serve --data server --port "$port" > server.log 2>&1 &
server_pid=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
export NAZORG_SERVER="http://127.0.0.1:$port"

echo; echo "== Een collega krijgt een eigen laptop en toegang tot het gezinsplan (grondslag: eigen organisatie)"
NAZORG_PROFILE="$work/collega" run device init --worker "Ilse de Boer" --org org/organisation.pub
NAZORG_PASSPHRASE_FILE=beheerder.pass run org certify collega/device-request.json --org-key org/organisation.key --out collega.cert
NAZORG_PROFILE="$work/collega" run device install-certificate collega.cert
colleague=$(sed -n -E 's/.*"device" : "([0-9a-f]{32})".*/\1/p' collega.cert)
run sync
NAZORG_PROFILE="$work/collega" run sync
run family share-with-colleague "$family" --device "$colleague"
run sync
NAZORG_PROFILE="$work/collega" run sync
NAZORG_PROFILE="$work/collega" run family list

echo; echo "== Beiden werken offline aan hetzelfde doel; na sync ziet iedereen het conflict, niemand verliest werk"
goal=$("$bin" family show "$family" --json | grep -B1 '"kind" : "doel"' | sed -n -E 's/.*"id" : "([0-9a-f]{8}).*/\1/p' | head -1)
run goal update "$family" "$goal" --status behaald
NAZORG_PROFILE="$work/collega" run goal update "$family" "$goal" --status loopt
NAZORG_PROFILE="$work/collega" run contact log "$family" --datum 2026-11-22 --vorm telefoon --verslag "school gebeld over Bram"
run sync
NAZORG_PROFILE="$work/collega" run sync
run sync
run conflicts list "$family"
NAZORG_PROFILE="$work/collega" run conflicts list "$family"
run conflicts resolve "$family" "$goal" status behaald
run sync
NAZORG_PROFILE="$work/collega" run sync
NAZORG_PROFILE="$work/collega" run conflicts list "$family"

echo; echo "== De server kan niets lezen: zoek de naam van het gezin in zijn bestanden"
if grep -r -l -a "Zonnebloem" server; then echo "PLAINTEXT FOUND"; exit 1; else echo "'Zonnebloem' komt in geen enkel bestand van de server voor"; fi
step "-server: SIGTERM (lopende verzoeken worden afgemaakt, de opslag wordt gesloten)"
kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""
echo; echo "Klaar. Nog niet gebouwd: delen met andere organisaties (toestemming en doorbreking worden al vastgelegd: 'nazorg consent --help'), de warme overdracht, de audit van de privacyfunctionaris (zie de open issues)."
