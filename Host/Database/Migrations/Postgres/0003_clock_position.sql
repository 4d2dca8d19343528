-- The simulated clock's position (UTC ticks), stored on every advance so that a restart never moves it back.
-- One row at most; a system clock stores nothing.
CREATE TABLE clock_position (
    id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    instant BIGINT NOT NULL
);
