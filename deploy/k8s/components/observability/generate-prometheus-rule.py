#!/usr/bin/env python3
"""Writes prometheus-rule.yaml from deploy/observability/prometheus/order-platform.rules.yml (needs PyYAML)."""
from pathlib import Path

import yaml



def literal_when_multiline(dumper, text):
    """Multi-line PromQL as a block, as it reads in the rules file."""
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


yaml.SafeDumper.add_representer(str, literal_when_multiline)
here = Path(__file__).resolve().parent
rules = yaml.safe_load((here.parents[2] / "observability/prometheus/order-platform.rules.yml").read_text())
resource = {
    "apiVersion": "monitoring.coreos.com/v1",
    "kind": "PrometheusRule",
    "metadata": {"name": "order-platform", "labels": {"app.kubernetes.io/part-of": "order-platform"}},
    "spec": {"groups": rules["groups"]},
}
header = """# The alert rules of deploy/observability/prometheus/order-platform.rules.yml as a Prometheus Operator resource.
# Generated from that file (DeploymentDescriptorsTest holds the two equal): edit the rules file, then run
#   python3 deploy/k8s/components/observability/generate-prometheus-rule.py
"""
(here / "prometheus-rule.yaml").write_text(header + yaml.safe_dump(resource, sort_keys=False, width=120))
