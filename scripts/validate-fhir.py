#!/usr/bin/env python3
"""Validates a FHIR Bundle (JSON) with the fhir.resources package (FHIR R4B models, which share R4's
CarePlan, Goal, Consent, Provenance, Patient and RelatedPerson). Prints the resource types; exits 1 on an
invalid bundle. Used by the end-to-end tests: the export is checked by code that is not the project's own."""
import sys

from fhir.resources.R4B.bundle import Bundle


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: validate-fhir.py BUNDLE.json", file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        text = f.read()
    try:
        bundle = Bundle.model_validate_json(text)
    except Exception as error:  # pydantic.ValidationError and JSON errors
        print(f"invalid FHIR Bundle: {error}")
        return 1
    types = sorted({entry.resource.get_resource_type() for entry in bundle.entry or []})
    print(f"valid FHIR Bundle ({bundle.type}): {len(bundle.entry or [])} entries: {', '.join(types)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
