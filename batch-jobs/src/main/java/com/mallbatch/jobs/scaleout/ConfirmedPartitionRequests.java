package com.mallbatch.jobs.scaleout;

import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;

import java.time.Duration;

/**
 * The end of the manager's request channel: each partition request Spring Batch's partition handler sends goes to
 * the durable queue as a persistent JSON message, and the send returns only when the broker has confirmed it (written
 * it down), so a broker restart loses no request. A broker that cannot be reached or does not confirm fails the send,
 * and with it the manager's step: the partitions not sent are then failed, never left waiting.
 */
final class ConfirmedPartitionRequests implements MessageHandler {

    private final RabbitTemplate rabbit;
    private final MessageConverter converter;
    private final String queue;
    private final Duration confirmTimeout;

    ConfirmedPartitionRequests(RabbitTemplate rabbit, MessageConverter converter, String queue, Duration confirmTimeout) {
        this.rabbit = rabbit;
        this.converter = converter;
        this.queue = queue;
        this.confirmTimeout = confirmTimeout;
    }

    @Override
    public void handleMessage(Message<?> request) {
        MessageProperties properties = new MessageProperties(); // persistent by default
        org.springframework.amqp.core.Message message = converter.toMessage(request.getPayload(), properties);
        rabbit.invoke(channel -> {
            channel.send("", queue, message);
            channel.waitForConfirmsOrDie(confirmTimeout.toMillis());
            return null;
        });
    }
}
