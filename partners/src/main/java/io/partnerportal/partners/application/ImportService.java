package io.partnerportal.partners.application;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.partnerportal.common.Actor;
import io.partnerportal.common.FieldError;
import io.partnerportal.common.NotFoundException;
import io.partnerportal.common.PortalException;
import io.partnerportal.partners.api.ChangeCause;
import io.partnerportal.partners.api.ChangeContext;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.application.port.ImportJobStore;
import io.partnerportal.partners.application.port.ImportJobStore.ImportJob;
import io.partnerportal.partners.application.port.ImportJobStore.LineError;
import io.partnerportal.partners.domain.ImportOutcome;
import io.partnerportal.partners.domain.ImportRow;
import io.partnerportal.partners.domain.Json;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bulk imports of partners or contacts (CSV with a header, or NDJSON). The upload is streamed to a
 * temporary file (never held in memory), a job row is created and a background worker reads the
 * file record by record, committing valid rows in batches of {@link #BATCH_SIZE} (never one giant
 * transaction). The job's status, progress, exact counts and first {@link #MAX_STORED_ERRORS}
 * errors are kept in the database, so any instance can answer about it.
 */
@Singleton
public class ImportService {

    public static final int BATCH_SIZE = 500;
    public static final int MAX_STORED_ERRORS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);
    private static final Duration STALE_AFTER = Duration.ofMinutes(10);

    private final ImportJobStore jobs;
    private final ImportBatches batches;
    private final CatalogueService catalogue;
    private final ExecutorService workers;

    ImportService(ImportJobStore jobs, ImportBatches batches, CatalogueService catalogue,
                  @Value("${portal.imports.workers:2}") int workerCount) {
        this.jobs = jobs;
        this.batches = batches;
        this.catalogue = catalogue;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, workerCount), r -> {
            Thread t = new Thread(r, "partner-import-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Jobs left running by an instance that went away are marked failed. */
    @EventListener
    void onStartup(StartupEvent event) {
        try {
            int stale = jobs.failStale(Versions.now().minus(STALE_AFTER), Versions.now());
            if (stale > 0) {
                LOG.warn("Marked {} interrupted import job(s) as failed", stale);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not check for interrupted import jobs: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        workers.shutdownNow();
        workers.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Spools the upload and queues the job; answers at once with the queued job. */
    public ImportJob start(PropertyLevel level, String format, InputStream body, Actor actor) {
        Path file;
        long size;
        try {
            file = Files.createTempFile("partner-import-", "." + format);
            size = Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the uploaded file", e);
        }
        ImportJob job = new ImportJob(UUID.randomUUID(), level, format, "queued", actor, size, 0, 0, 0, 0, 0, 0,
                List.of(), false, null, Versions.now(), null, null);
        jobs.create(job);
        workers.submit(() -> run(job, file));
        LOG.info("Queued {} import {} ({} bytes) by {}", level.prefix(), job.id(), size, actor.display());
        return job;
    }

    public ImportJob find(PropertyLevel level, UUID id) {
        return jobs.find(id).filter(j -> j.level() == level)
                .orElseThrow(() -> NotFoundException.of("Import job", id.toString()));
    }

    void run(ImportJob job, Path file) {
        ChangeContext context = new ChangeContext(ChangeCause.IMPORT, job.actor());
        jobs.started(job.id(), Versions.now());
        try (CountingStream counted = new CountingStream(Files.newInputStream(file));
             BufferedReader reader = new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8), 65536)) {
            Progress progress = new Progress(job, counted, context);
            if (job.format().equals("csv")) {
                readCsv(job.level(), reader, progress);
            } else {
                readNdjson(job.level(), reader, progress);
            }
            progress.flush();
            jobs.finished(job.id(), "completed", null, Versions.now());
            LOG.info("Import {} completed", job.id());
        } catch (ImportRows.HeaderError e) {
            jobs.progress(job.id(), 0, 0, 0, 0, 0, 0, e.errors, MAX_STORED_ERRORS, Versions.now());
            jobs.finished(job.id(), "failed", "The header cannot be imported: " + e.getMessage(), Versions.now());
        } catch (CsvReader.CsvError e) {
            jobs.finished(job.id(), "failed", "The file cannot be read further: " + e.getMessage(), Versions.now());
        } catch (Throwable e) {
            LOG.error("Import {} failed", job.id(), e);
            jobs.finished(job.id(), "failed", "The import stopped on an unexpected error: " + e.getMessage(),
                    Versions.now());
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Could not delete {}", file);
            }
        }
    }

    private void readCsv(PropertyLevel level, BufferedReader reader, Progress progress) throws IOException,
            ImportRows.HeaderError {
        CsvReader csv = new CsvReader(reader);
        List<String> header = csv.next();
        if (header == null) {
            throw new ImportRows.HeaderError(List.of(new LineError(1, null, "the file is empty")));
        }
        ImportRows rows = ImportRows.csv(level, header, catalogue.level(level));
        List<String> cells;
        while ((cells = csv.next()) != null) {
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            long line = csv.recordLine();
            try {
                progress.add(rows.fromCsv(line, cells));
            } catch (ImportRows.RowError e) {
                progress.rejected(line, e.errors);
            }
        }
    }

    private void readNdjson(PropertyLevel level, BufferedReader reader, Progress progress) throws IOException {
        String text;
        long line = 0;
        while ((text = reader.readLine()) != null) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            try {
                progress.add(ImportRows.fromJson(level, line, Json.parse(text)));
            } catch (Json.SyntaxError e) {
                progress.rejected(line, List.of(FieldError.at("", "malformed_json", e.getMessage())));
            } catch (ImportRows.RowError e) {
                progress.rejected(line, e.errors);
            }
        }
    }

    /** Collects rows into batches, writes each, and records counts and errors on the job. */
    private final class Progress {
        private final ImportJob job;
        private final CountingStream counted;
        private final ChangeContext context;
        private final List<ImportRow> pending = new ArrayList<>();
        private final List<ImportOutcome> rejected = new ArrayList<>();
        private int storedErrors;

        Progress(ImportJob job, CountingStream counted, ChangeContext context) {
            this.job = job;
            this.counted = counted;
            this.context = context;
        }

        void add(ImportRow row) {
            pending.add(row);
            if (pending.size() >= BATCH_SIZE) {
                flush();
            }
        }

        void rejected(long line, List<FieldError> errors) {
            rejected.add(ImportOutcome.failed(line, errors));
            if (rejected.size() >= BATCH_SIZE) {
                flush();
            }
        }

        void flush() {
            List<ImportOutcome> outcomes = new ArrayList<>(rejected);
            if (!pending.isEmpty()) {
                outcomes.addAll(write(pending));
            }
            long created = 0;
            long updated = 0;
            long unchanged = 0;
            long failed = 0;
            List<LineError> errors = new ArrayList<>();
            outcomes.sort((a, b) -> Long.compare(a.line(), b.line()));
            for (ImportOutcome o : outcomes) {
                switch (o.result()) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                    case FAILED -> {
                        failed++;
                        for (FieldError e : o.errors()) {
                            if (storedErrors + errors.size() < MAX_STORED_ERRORS + 1) {
                                errors.add(LineError.of(o.line(), e));
                            }
                        }
                    }
                }
            }
            storedErrors += errors.size();
            jobs.progress(job.id(), counted.count(), outcomes.size(), created, updated, unchanged, failed, errors,
                    MAX_STORED_ERRORS, Versions.now());
            pending.clear();
            rejected.clear();
        }

        /** The batch in one transaction; when that fails as a whole, each row in its own. */
        private List<ImportOutcome> write(List<ImportRow> rows) {
            try {
                return writeBatch(rows);
            } catch (RuntimeException batchFailure) {
                LOG.info("Import {}: a batch failed as a whole ({}); writing its rows one by one", job.id(),
                        batchFailure.getMessage());
                List<ImportOutcome> outcomes = new ArrayList<>();
                for (ImportRow row : rows) {
                    try {
                        outcomes.addAll(writeBatch(List.of(row)));
                    } catch (PortalException e) {
                        outcomes.add(ImportOutcome.failed(row.line(), e.errors().isEmpty()
                                ? List.of(FieldError.at("", "rejected", e.getMessage())) : e.errors()));
                    } catch (RuntimeException e) {
                        outcomes.add(ImportOutcome.failed(row.line(), List.of(FieldError.at("", "rejected",
                                "the row could not be written: " + rootMessage(e)))));
                    }
                }
                return outcomes;
            }
        }

        private List<ImportOutcome> writeBatch(List<ImportRow> rows) {
            return job.level() == PropertyLevel.PARTNER ? batches.partners(rows, context)
                    : batches.contacts(rows, context);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return Optional.ofNullable(t.getMessage()).orElse(t.getClass().getSimpleName());
    }

    /** Counts the bytes read from the file, for the job's progress. */
    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }
}
