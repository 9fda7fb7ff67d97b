"""Prefect orchestration over the cleaners library: flows, tasks, artifacts, deployments."""
