package com.comborec.core;

/**
 * What a stage reports about its run. A result is a record whose components are top-level sections
 * of the run manifest (e.g. the ingest stage's {@code inputs} and {@code gates}); the manifest
 * writer serialises them with snake_case names and leaves out nulls, so the record types are the
 * manifest's shape. {@code docs/manifest.schema.json} describes that shape for readers, and a test
 * checks every manifest the end-to-end tests write against it.
 */
public interface StageResult {}
