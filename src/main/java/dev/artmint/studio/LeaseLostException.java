package dev.artmint.studio;

/** The worker no longer holds the job's lease: another worker took it over, so this one must write nothing more. */
class LeaseLostException extends RuntimeException {

    LeaseLostException(java.util.UUID jobId) {
        super("lost the lease of job " + jobId);
    }
}
