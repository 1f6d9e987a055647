#!/usr/bin/env python3
"""Checks the references of a FHIR R4 Bundle (JSON) the way a receiving system resolves them, independently of
the exporter: every fullUrl is a unique urn:uuid that repeats the resource's id (bdl-7), every reference
resolves to an entry of the Bundle, and it points at a resource type R4 allows at that element (the target
profiles of the R4 StructureDefinitions, for each element the export uses). A reference at an element not in
the table is an error too, so a new reference is checked before it ships. Exits 1 on any finding."""
import json
import re
import sys

# Element path -> the resource types R4 allows there ("*" for Reference(Any)).
# Provenance.agent.who and .onBehalfOf:
PERSON = {"Practitioner", "PractitionerRole", "RelatedPerson", "Patient", "Device", "Organization"}
TARGETS = {
    "Goal.subject": {"Patient", "Group", "Organization"},
    "Goal.expressedBy": {"Patient", "Practitioner", "PractitionerRole", "RelatedPerson"},
    "CarePlan.subject": {"Patient", "Group"},
    "CarePlan.author": {"Patient", "Practitioner", "PractitionerRole", "Device", "RelatedPerson", "Organization", "CareTeam"},
    "CarePlan.goal": {"Goal"},
    "CarePlan.careTeam": {"CareTeam"},
    "CarePlan.activity.detail.goal": {"Goal"},
    "CarePlan.activity.detail.performer": {"Practitioner", "PractitionerRole", "Organization", "RelatedPerson", "Patient", "CareTeam", "HealthcareService", "Device"},
    "RelatedPerson.patient": {"Patient"},
    "Patient.contact.organization": {"Organization"},
    "Consent.patient": {"Patient"},
    "Consent.performer": {"Organization", "Patient", "Practitioner", "RelatedPerson", "PractitionerRole"},
    "Consent.organization": {"Organization"},
    "Consent.provision.actor.reference": {"Device", "Group", "CareTeam", "Organization", "Patient", "Practitioner", "RelatedPerson", "PractitionerRole"},
    "Provenance.target": {"*"},
    "Provenance.agent.who": PERSON,
    "Provenance.agent.onBehalfOf": PERSON,
    "RiskAssessment.subject": {"Patient", "Group"},
    "RiskAssessment.performer": {"Practitioner", "PractitionerRole", "Device"},
    "CareTeam.subject": {"Patient", "Group"},
    "CareTeam.participant.member": {"Practitioner", "PractitionerRole", "RelatedPerson", "Patient", "Organization", "CareTeam"},
    "CareTeam.participant.onBehalfOf": {"Organization"},
}
UUID = re.compile(r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


def references(value, path, found):
    """Every Reference under value, with the element path it sits at (arrays do not add to the path)."""
    if isinstance(value, dict):
        if "reference" in value and isinstance(value["reference"], str):
            found.append((path, value["reference"]))
        for key, child in value.items():
            if key not in ("reference", "display", "text", "meta"):
                references(child, f"{path}.{key}", found)
    elif isinstance(value, list):
        for child in value:
            references(child, path, found)


def check(bundle):
    findings = []
    if bundle.get("resourceType") != "Bundle":
        return ["not a Bundle"]
    types = {}
    for index, entry in enumerate(bundle.get("entry", [])):
        url, resource = entry.get("fullUrl"), entry.get("resource", {})
        if not isinstance(url, str) or not UUID.fullmatch(url):
            findings.append(f"entry {index}: fullUrl {url!r} is not a urn:uuid with an RFC 9562 UUID")
        elif url != f"urn:uuid:{resource.get('id')}":
            findings.append(f"entry {index}: fullUrl {url} does not repeat the resource id {resource.get('id')!r}")
        if url in types:
            findings.append(f"entry {index}: fullUrl {url} appears twice (bdl-7)")
        types[url] = resource.get("resourceType")
    for entry in bundle.get("entry", []):
        resource = entry.get("resource", {})
        found = []
        references(resource, resource.get("resourceType", "?"), found)
        for path, target in found:
            allowed = TARGETS.get(path)
            if allowed is None:
                findings.append(f"{path}: a reference at an element this checker does not know")
            elif target not in types:
                findings.append(f"{path} -> {target}: not in the Bundle")
            elif "*" not in allowed and types[target] not in allowed:
                findings.append(f"{path} -> {types[target]}: R4 allows {', '.join(sorted(allowed))}")
    return findings


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: check-fhir-references.py BUNDLE.json", file=sys.stderr)
        return 2
    try:
        with open(sys.argv[1], encoding="utf-8") as f:
            bundle = json.load(f)
    except (OSError, ValueError) as error:
        print(f"unreadable Bundle: {error}")
        return 1
    findings = check(bundle)
    for finding in findings:
        print(f"ERROR {finding}")
    count = len(bundle.get("entry", []))
    print(f"references: {'FAIL' if findings else 'PASS'} ({count} entries, {len(findings)} findings)")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
