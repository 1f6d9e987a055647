#!/usr/bin/env bash
# Installs what is missing, builds `nazorg` and `nazorg-server`, and shows:
#   1. the ambulant worker's offline flow on a fixture family (keys, certified laptop, plan, edits, refusals);
#   2. the blind sync server on its embedded SQLite store, with the worker's laptop and a colleague's
#      converging, a concurrent edit shown as a conflict on both, and resolved;
#   3. shares with other organisations: the wijkteam on the mother's consent, Veilig Thuis on a meldcode
#      override (safety plan only), a withdrawal that shuts the wijkteam out of what is written afterwards;
#   4. the warm handover at the end of aftercare: a signed, sealed bundle for the wijkteam, opened, verified,
#      imported and acknowledged by the wijkteam (refused for Veilig Thuis, refused a second time), its
#      readable summary and its FHIR R4 export;
#   5. the privacy officer pulling, verifying and reporting the share log, reviewing the override, and
#      answering the mother's GDPR art. 15 request.
# Everything happens in a scratch directory that is removed at the end (keep it with KEEP=1).
# NAZORG_BIN_DIR=DIR runs it on binaries built before (the test suite does, to check that it is Dutch throughout).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${NAZORG_BIN_DIR:-}" ]; then
    bin="$(cd "$NAZORG_BIN_DIR" && pwd)/nazorg"
    server_bin="$(cd "$NAZORG_BIN_DIR" && pwd)/nazorg-server"
else
    ./scripts/setup.sh
    swift build --product nazorg >/dev/null
    swift build --product nazorg-server >/dev/null
    ./scripts/install-completions.sh
    bin="$(swift build --product nazorg --show-bin-path)/nazorg"
    server_bin="$(swift build --product nazorg --show-bin-path)/nazorg-server"
fi

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
refused() { step "$@"; if "$bin" "$@"; then echo "(onverwacht geaccepteerd)"; exit 1; else echo "(exit $?: terecht geweigerd)"; fi; }

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

echo; echo "== Wat vraagt aandacht? Het overzicht over alle gezinnen: elke regel een norm, met de opdracht die het oplost"
run overzicht
run overzicht --regels --regel evaluatie-client --regel herbeoordeling-na-wijziging

echo; echo "== Een nieuwe partner na vertrek: toevoegen en een nieuwe risicotaxatie (norm 3.5b)"
partner=$("$bin" member add "$family" --naam "Nieuwe partner" --rol nieuwe-partner --toegevoegd-na-vertrek ja | awk '{print $2}')
step member add "$family" --naam "Nieuwe partner" --rol nieuwe-partner --toegevoegd-na-vertrek ja; echo "lid $partner toegevoegd"
run risk assess "$family" --lid "$partner" --classificatie oranje --instrument RiVaS --aanleiding "nieuwe partner in huis" --face-to-face ja --organisatie "Vrouwenopvang Voorbeeldregio" --datum 2026-11-20
run contact log "$family" --datum 2026-11-20 --vorm huisbezoek --verslag "nieuwe partner besproken; veiligheidsplan aangepast"
run evaluation record "$family" --datum 2026-11-21 --soort drie-maanden --deelnemers "Anna, Mira" --uitkomst "wonen op orde; opvoedondersteuning loopt"
run risk assess "$family" --lid "Vader Zonnebloem" --classificatie oranje --instrument RiVaS --aanleiding "contactverbod loopt; pleger" --face-to-face nee --organisatie "Veilig Thuis Voorbeeldregio" --datum 2026-11-21

echo; echo "== De begeleider handelt wat het overzicht noemde; wat overblijft komt later aan de orde"
for m in "Anna Zonnebloem" Lotte Bram; do
  run risk assess "$family" --lid "$m" --classificatie oranje --instrument RiVaS --aanleiding periodiek --face-to-face ja --organisatie "Vrouwenopvang Voorbeeldregio" --datum 2026-11-21 >/dev/null
done
anna=$("$bin" family show "$family" --json | python3 -c 'import json,sys; print(next(e["id"][:8] for e in json.load(sys.stdin)["entities"] if e["fields"].get("naam") == "Anna Zonnebloem"))')
run member update "$family" "$anna" --eenvoudige-taal nee
run evaluation record "$family" --datum 2026-11-21 --soort met-ketenpartners --deelnemers "wijkteam, school" --uitkomst "afspraken over signalen"
for child in Lotte Bram; do run goal add "$family" --domein opvoeding --omschrijving "eigen hulpverleningsplan: traumabehandeling en school" --lid "$child"; done
run contact log "$family" --datum 2026-12-01 --vorm telefoon --verslag "afspraak voor het volgende huisbezoek"
run overzicht
run agenda --ics agenda.ics
echo "(agenda.ics: $(grep -c BEGIN:VEVENT agenda.ics) afspraken, zonder namen: $(grep -c -i zonnebloem agenda.ics || true) keer 'Zonnebloem')"
run rapport normen --regel classificatie-per-lid --regel evaluatie-client --regel contactfrequentie

echo; echo "== Onmogelijke invoer wordt geweigerd met een melding die het veld noemt"
refused member add "$family" --naam "X" --rol kind --geboortedatum 2020-02-30
refused zrm record "$family" --datum 2026-11-21 --score financien=7

echo; echo "== Nazorg afsluiten kan pas als er een regisseur is voor minstens zes maanden daarna (en elk lid getaxeerd is, de 3-maandenevaluatie gedaan, en een warme overdracht of een reden waarom niet)"
regisseur=$("$bin" family show "$family" --json | grep -B1 '"kind" : "regisseur"' | sed -n -E 's/.*"id" : "([0-9a-f]{8}).*/\1/p')
run regisseur update "$family" "$regisseur" --tot 2027-03-01
refused aftercare close "$family" --datum 2026-11-22 --reden "doelen behaald"
run regisseur update "$family" "$regisseur" --tot 2027-06-30
refused aftercare close "$family" --datum 2026-11-22 --reden "doelen behaald; wijkteam houdt de vinger aan de pols"
run aftercare close "$family" --datum 2026-11-22 --reden "doelen behaald; wijkteam houdt de vinger aan de pols" --geen-overdracht-omdat "het wijkteam kent het gezin al als regisseur; de bundel volgt na het gesprek van 23 november"
run family show "$family"

echo; echo "== Het veiligheidsplan voor Anna zelf, op papier, in eenvoudig Nederlands (norm 2.6, scenario 15); en voor Bram (9)"
run family find anna
step veiligheidsplan Zonnebloem --voor client --uit veiligheidsplan.html; echo "(de begeleider bevestigt met ja)"
echo ja | "$bin" veiligheidsplan Zonnebloem --voor client --uit veiligheidsplan.html
echo "--- de tekst van de pagina ---"
sed -n '/<body>/,$p' veiligheidsplan.html | sed -e 's/<[^>]*>/\n/g' | grep -v '^[[:space:]]*$' | head -40
step veiligheidsplan Zonnebloem --voor kind --lid Bram --uit bram.html
echo ja | "$bin" veiligheidsplan Zonnebloem --voor kind --lid Bram --uit bram.html
refused veiligheidsplan Zonnebloem --voor kind --lid Lotte --uit lotte.html
rm -f veiligheidsplan.html bram.html

echo; echo "== Niets leesbaars op schijf: zoek de naam van het gezin in de database, WAL en alle andere bestanden"
if grep -r -l -a "Zonnebloem" "$NAZORG_PROFILE"; then echo "LEESBARE TEKST GEVONDEN"; exit 1; else echo "'Zonnebloem' komt in geen enkel bestand van het profiel voor"; fi
echo; echo "== Ketenpartners met eigen sleutels: het wijkteam en Veilig Thuis; en de privacy officer van de opvang"
certified() { # profile, worker, org dir, role
  NAZORG_PROFILE="$work/$1" run device init --worker "$2" --org "$3/organisation.pub" --role "$4"
  NAZORG_PASSPHRASE_FILE=beheerder.pass run org certify "$1/device-request.json" --org-key "$3/organisation.key" --out "$1.cert"
  NAZORG_PROFILE="$work/$1" run device install-certificate "$1.cert"
}
NAZORG_PASSPHRASE_FILE=beheerder.pass run org init --name "Wijkteam Voorbeeldstad-Noord" --dir wijkteam
NAZORG_PASSPHRASE_FILE=beheerder.pass run org init --name "Veilig Thuis Voorbeeldregio" --dir vt
certified wijkteam-laptop "Sanne de Wit" wijkteam worker
certified vt-laptop "Jeroen Bakker" vt worker
certified fg "Fatima El Idrissi" org privacy-officer

echo; echo "== De synchronisatieserver: hij bewaart alleen versleutelde wijzigingen (embedded SQLite in $work/server)"
port=$(( 20000 + RANDOM % 20000 ))
for o in org wijkteam vt; do sstep "org add --data server $o/organisation.pub"; "$server_bin" org add --data server "$o/organisation.pub"; done
sstep "serve --data server --port $port &"
"$server_bin" serve --data server --port "$port" > server.log 2>&1 &
server_pid=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
export NAZORG_SERVER="http://127.0.0.1:$port"
NAZORG_PROFILE="$work/fg" run audit pull

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

echo; echo "== Ketenpartners vastleggen: elk apparaat kent de sleutels van de ander uit organisation.pub (niet van de server)"
run partner add wijkteam/organisation.pub
run partner add vt/organisation.pub
for p in wijkteam-laptop vt-laptop; do NAZORG_PROFILE="$work/$p" run partner add org/organisation.pub; NAZORG_PROFILE="$work/$p" run sync; done

echo; echo "== Warme overdracht naar het wijkteam: Anna geeft schriftelijk toestemming voor de kern en het plan"
mother=$("$bin" family show "$family" --json | awk '/"rol" : "ouder-in-opvang"/{f=1} f && /"id" :/{print; exit}' | sed -n -E 's/.*"id" : "([0-9a-f]{8}).*/\1/p')
run consent give "$family" --gevers "$mother" --ontvanger "Wijkteam Voorbeeldstad-Noord" --secties core,plan --doel "vervolghulp en regie na vertrek" --vanaf 2026-11-01 --vorm schriftelijk --vastgelegd-door "Mira Visser"
consent=$("$bin" consent list "$family" | awk '/^toestemming/{print $2; exit}')
refused share "$family" --met "Wijkteam Voorbeeldstad-Noord" --secties core,safety --toestemming "$consent"
run share "$family" --met "Wijkteam Voorbeeldstad-Noord" --secties core,plan --toestemming "$consent"
NAZORG_PROFILE="$work/wijkteam-laptop" run sync
NAZORG_PROFILE="$work/wijkteam-laptop" run family show "$family"

echo; echo "== Anna weigert verder te delen, maar Lotte is onveilig: meldcode-melding aan Veilig Thuis, alleen het veiligheidsplan"
refused override record "$family" --ontvanger "Veilig Thuis Voorbeeldregio" --secties safety --grond melding-veilig-thuis --vermoeden ja --onveilig ja --hulp-mogelijk nee --hulp-aanvaard nee --duurzaam-veilig nee --rechtvaardiging "Lotte onveilig, moeder weigert toestemming" --moeder-geinformeerd nee --waarom-niet "vergroot het gevaar" --besluit-door "teamleider Opvang" --datum 2026-11-23 --lid Lotte
run override record "$family" --ontvanger "Veilig Thuis Voorbeeldregio" --secties safety --grond melding-veilig-thuis --vermoeden ja --onveilig ja --hulp-mogelijk nee --hulp-aanvaard nee --duurzaam-veilig nee --rechtvaardiging "Lotte onveilig, moeder weigert toestemming" --geraadpleegd "aandachtsfunctionaris en Veilig Thuis (advies)" --moeder-geinformeerd nee --waarom-niet "vergroot het gevaar" --besluit-door "teamleider Opvang" --datum 2026-11-23 --lid Lotte
override=$("$bin" consent list "$family" | awk '/^doorbreking/{print $2; exit}')
run share "$family" --met "Veilig Thuis Voorbeeldregio" --secties safety --doorbreking "$override"
NAZORG_PROFILE="$work/vt-laptop" run sync
NAZORG_PROFILE="$work/vt-laptop" run family show "$family"

echo; echo "== Anna trekt haar toestemming in: wat daarna geschreven wordt, kan het wijkteam niet meer lezen"
run consent withdraw "$family" --toestemming "$consent" --datum 2026-11-23 --vorm mondeling --vastgelegd-door "Mira Visser"
run sync
run member add "$family" --naam "Nieuwe buurvrouw" --rol netwerk
run sync
NAZORG_PROFILE="$work/wijkteam-laptop" run sync
if NAZORG_PROFILE="$work/wijkteam-laptop" "$bin" family show "$family" | grep -q "Nieuwe buurvrouw"; then echo "DE INGETROKKEN ONTVANGER LEEST NOG MEE"; exit 1; else echo "het wijkteam ziet 'Nieuwe buurvrouw' niet (wat eerder gedeeld was, blijft gedeeld: dat kan niet worden teruggehaald)"; fi
run share list "$family"

echo; echo "== Warme overdracht aan het einde van de nazorg (norm 4.1): een bundel voor het wijkteam"
echo "   In het overdrachtsgesprek geeft Anna toestemming voor een eenmalige overdracht van kern, veiligheidsplan en plan."
run consent give "$family" --gevers "$mother" --ontvanger "Wijkteam Voorbeeldstad-Noord" --secties core,safety,plan --doel "warme overdracht: regie en veiligheid na de nazorg" --vanaf 2026-11-23 --vorm schriftelijk --vastgelegd-door "Mira Visser"
handover_consent=$("$bin" consent list "$family" | awk '/^toestemming/ && /warme overdracht/ {print $2; exit}')
out=$("$bin" handover create "$family" --naar "Wijkteam Voorbeeldstad-Noord" --toestemming "$handover_consent" --gesprek-datum 2026-11-23 --gesprek-vorm in-persoon --aanwezig client,vertrekkend,ontvangend --context "Anna wil zelf de regie houden over contact met school; praat liever niet over haar ex-partner waar de kinderen bij zijn." --afspraak "Wijkagent rijdt de eerste maand extra langs (afgesproken met politie Noord)" --afspraak "School meldt afwezigheid van Bram dezelfde dag bij de regisseur" --bestand overdracht.nzb)
step handover create "$family" --naar "Wijkteam Voorbeeldstad-Noord" --toestemming "$handover_consent" --gesprek-datum 2026-11-23 --gesprek-vorm in-persoon --aanwezig client,vertrekkend,ontvangend --context "…" --afspraak "…" --afspraak "…" --bestand overdracht.nzb
echo "$out"
bundle=$(echo "$out" | awk '/^overdrachtsbundel/{print $2; exit}')
echo; echo "== Alleen de geadresseerde kan hem openen: Veilig Thuis niet; één gewijzigde byte wordt geweigerd"
NAZORG_PROFILE="$work/vt-laptop" refused handover open --bestand overdracht.nzb
python3 -c "import sys; b=bytearray(open('overdracht.nzb','rb').read()); b[len(b)//2]^=1; open('gewijzigd.nzb','wb').write(b)"
NAZORG_PROFILE="$work/wijkteam-laptop" refused handover open --bestand gewijzigd.nzb
echo; echo "== Het wijkteam: postbus, openen en controleren, importeren als eigen plan, bevestigen"
export NAZORG_PROFILE="$work/wijkteam-laptop"
run handover inbox
run handover open "$bundle"
run handover import "$bundle"
refused handover import "$bundle"
run handover summary "$bundle"
run handover export "$bundle" --fhir --uit overdracht.fhir.json
echo "FHIR R4 Bundle: $(grep -c '"resourceType"' overdracht.fhir.json) resources in overdracht.fhir.json"
run handover ack "$bundle"
run family list
export NAZORG_PROFILE="$work/laptop"
echo; echo "== De opvang ziet de ontvangstbevestiging (ook in het logboek)"
run sync
run handover inbox

echo; echo "== De privacy officer: logboek ophalen en controleren, NEN 7513-overzicht, toetsing, inzageverzoek"
export NAZORG_PROFILE="$work/fg"
run audit pull
run audit verify
run audit report --per gezin
run audit overrides
entry=$("$bin" audit overrides --format csv | awk -F'","' '$2=="override"{print $17; exit}' | tr -d '"')
run audit review "$entry" --uitkomst akkoord --toelichting "grond, afweging en raadpleging volledig; minimale delen"
run audit pull
run audit client "$family"
run audit report --per grondslag --format csv
export NAZORG_PROFILE="$work/laptop"

echo; echo "== De server kan niets lezen: zoek de naam van het gezin in zijn bestanden"
if grep -r -l -a "Zonnebloem" server; then echo "LEESBARE TEKST GEVONDEN"; exit 1; else echo "'Zonnebloem' komt in geen enkel bestand van de server voor"; fi
step "-server: SIGTERM (lopende verzoeken worden afgemaakt, de opslag wordt gesloten)"
kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""
echo; echo "Klaar."
