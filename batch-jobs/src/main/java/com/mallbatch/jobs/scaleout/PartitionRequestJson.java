package com.mallbatch.jobs.scaleout;

import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.ClassMapper;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * Partition requests on the wire: Spring Batch's {@code StepExecutionRequest} as JSON ({@code {"stepExecutionId":…,
 * "stepName":"collectAccount"}}), readable in the broker's console. Whatever type a message's {@code __TypeId__}
 * header names, a JSON body is only ever read as a {@code StepExecutionRequest}: no other class is instantiated from
 * what a queue holds (Spring AMQP's default type mapper trusts every {@code java.lang} and {@code java.util} class
 * besides the packages it is given). A body that is no such request fails conversion and is dropped.
 */
final class PartitionRequestJson {

    private static final String TYPE_HEADER = "__TypeId__";

    private PartitionRequestJson() {
    }

    static MessageConverter converter() {
        JacksonJsonMessageConverter converter = new JacksonJsonMessageConverter();
        converter.setClassMapper(new ClassMapper() {
            @Override
            public void fromClass(Class<?> type, MessageProperties properties) {
                properties.setHeader(TYPE_HEADER, type.getName());
            }

            @Override
            public Class<?> toClass(MessageProperties properties) {
                return StepExecutionRequest.class;
            }
        });
        return converter;
    }
}
