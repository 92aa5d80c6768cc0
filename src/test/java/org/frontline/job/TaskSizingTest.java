package org.frontline.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TaskSizingTest {
    private static final long CHARS_PER_TASK = 2_000_000;

    @Test
    void aSmallDumpStillGetsSeveralWavesOfTasksPerCore() {
        // news-2024-07: 1,493 articles, 7.5 M characters; at two cores 16 tasks, not the 4 that size alone gives.
        assertThat(TaskSizing.tasks(1_493, 7_536_883, CHARS_PER_TASK, 2)).isEqualTo(16);
    }

    @Test
    void aLargeDumpIsSplitBySizeIntoWholeWaves() {
        // 1 GB of text on 16 cores: 500 tasks by size, rounded up to 32 waves of 16.
        assertThat(TaskSizing.tasks(1_000_000, 1_000_000_000L, CHARS_PER_TASK, 16)).isEqualTo(512);
    }

    @Test
    void neverMoreTasksThanArticlesNorAboveTheCeiling() {
        assertThat(TaskSizing.tasks(3, 500, CHARS_PER_TASK, 8)).isEqualTo(3);
        assertThat(TaskSizing.tasks(10_000_000, 10_000_000_000_000L, CHARS_PER_TASK, 2)).isEqualTo(TaskSizing.MAX_TASKS);
    }

    @Test
    void noArticlesIsOneEmptyTask() {
        assertThat(TaskSizing.tasks(0, 0, CHARS_PER_TASK, 2)).isEqualTo(1);
    }

    @Test
    void aNonPositiveSizeIsRefused() {
        assertThatThrownBy(() -> TaskSizing.tasks(10, 100, 0, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
