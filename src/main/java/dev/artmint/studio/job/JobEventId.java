package dev.artmint.studio.job;

import java.util.Optional;

/**
 * How far a job's event stream has told its story, sent as each event's SSE id so that a client reconnecting with
 * {@code Last-Event-ID} is told only the rest: {@code <images>.<step>.<position>}, the number of images told, the step
 * reached and the queue position told (0 once the job left the queue), or {@code <images>.<step>.end} for the final
 * event. The parts only grow (a position only shrinks, and 0 comes after every position), so ids increase in the order
 * of the events, and they depend on the job alone, not on the process that sent them.
 */
record JobEventId(int images, int step, int position, boolean end) {

    /** Nothing told yet: no queue position either. */
    static final JobEventId START = new JobEventId(0, 0, Integer.MAX_VALUE, false);

    /** The id a client sent back; empty when it is absent or not one of ours, so the stream starts afresh. */
    static Optional<JobEventId> parse(String lastEventId) {
        if (lastEventId == null) {
            return Optional.empty();
        }
        String[] parts = lastEventId.strip().split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            int images = Integer.parseInt(parts[0]);
            int step = Integer.parseInt(parts[1]);
            boolean end = parts[2].equals("end");
            int position = end ? 0 : Integer.parseInt(parts[2]);
            if (images < 0 || step < 0 || position < 0) {
                return Optional.empty();
            }
            return Optional.of(new JobEventId(images, step, position, end));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the job may still be told a queue position: it has not been seen leaving the queue. */
    boolean waiting() {
        return images == 0 && step == 0 && position != 0 && !end;
    }

    JobEventId queued(int newPosition) {
        return new JobEventId(images, step, newPosition, false);
    }

    JobEventId atStep(int newStep) {
        return new JobEventId(images, Math.max(step, newStep), 0, false);
    }

    JobEventId withImages(int newImages, int newStep) {
        return new JobEventId(newImages, Math.max(step, newStep), 0, false);
    }

    JobEventId ended(int newImages, int newStep) {
        return new JobEventId(newImages, Math.max(step, newStep), 0, true);
    }

    @Override
    public String toString() {
        return images + "." + step + "." + (end ? "end" : Integer.toString(position));
    }
}
