"""Tests of the claim families (auditor/relate/)."""
