package io.pactport.sync.delivery;

/** An event the sync cannot write to any target (unknown type, or a payload without what the write needs). */
public class UnsyncableEventException extends RuntimeException {

    public UnsyncableEventException(String message) {
        super(message);
    }
}
