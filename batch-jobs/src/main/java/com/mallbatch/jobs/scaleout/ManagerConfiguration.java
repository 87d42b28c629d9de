package com.mallbatch.jobs.scaleout;

import com.mallbatch.writers.mysql.JdbcPartitionClaims;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.config.annotation.EnableBatchIntegration;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilderFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * {@code mallbatch.collect.mode=manager}: collectJob's {@code collectAccounts} partitions the accounts as always, but
 * the partitions go to the workers over RabbitMQ ({@link RemotePartitionedStep}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = CollectMode.PROPERTY, havingValue = "manager")
@EnableBatchIntegration
class ManagerConfiguration {

    @Bean
    Queue collectPartitionQueue(RemoteCollectProperties properties) {
        return QueueBuilder.durable(properties.queue()).build();
    }

    @Bean
    DirectChannel collectPartitionRequests() {
        return new DirectChannel();
    }

    @Bean
    IntegrationFlow collectPartitionRequestsToBroker(DirectChannel collectPartitionRequests, RabbitTemplate rabbit,
                                                     RemoteCollectProperties properties) {
        return IntegrationFlow.from(collectPartitionRequests)
                .handle(new ConfirmedPartitionRequests(rabbit, PartitionRequestJson.converter(), properties.queue(),
                        properties.confirmTimeout()))
                .get();
    }

    @Bean
    RemotePartitionedStep remotePartitionedStep(RemotePartitioningManagerStepBuilderFactory steps,
                                                DirectChannel collectPartitionRequests, RemoteCollectProperties properties,
                                                JobRepository jobRepository, JdbcPartitionClaims claims) {
        return new RemotePartitionedStep(steps, collectPartitionRequests, properties, new DeadWorkerReaper(jobRepository,
                claims, properties.heartbeatInterval(), properties.heartbeatTimeout(), properties.timeout()));
    }
}
