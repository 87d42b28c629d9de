package com.mallbatch.admin.runs.web;

import com.mallbatch.admin.runs.RunProgressStreams;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.Locale;

/** A run's live progress as Server-Sent Events, for the run page's progress section (htmx's SSE extension). */
@Controller
class RunProgressController {

    private final RunProgressStreams streams;

    RunProgressController(RunProgressStreams streams) {
        this.streams = streams;
    }

    @GetMapping(path = "/runs/{executionId}/progress", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter progress(@PathVariable long executionId, Locale locale) {
        try {
            return streams.subscribe(executionId, locale);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
