package com.mallbatch.jobs.scaleout;

import com.mallbatch.jobs.collect.CollectJobConfiguration;
import com.mallbatch.writers.mysql.JdbcPartitionClaims;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.config.annotation.EnableBatchIntegration;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * {@code mallbatch.collect.mode=worker}: takes partition requests from the queue and runs each with Spring Batch's
 * {@link StepExecutionRequestHandler} — the step is the job's own per-account worker step ({@code collectAccount}),
 * found by name, against the shared job repository. {@code worker-concurrency} consumers with a prefetch of 1: a worker
 * holds exactly one request per partition it runs, never a backlog in memory (spring-batch#4006's partitions left
 * STARTING came from a worker handing requests to an in-memory queue), and a request is acknowledged when its partition
 * has run, so one held by a worker that dies goes back to the queue. Every message passes {@link PartitionClaimGuard},
 * which claims it once, runs it, and sends it back to the queue when the claim itself failed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = CollectMode.PROPERTY, havingValue = "worker")
@EnableBatchIntegration
class WorkerConfiguration {

    @Bean
    Queue collectPartitionQueue(RemoteCollectProperties properties) {
        return QueueBuilder.durable(properties.queue()).build();
    }

    @Bean
    WorkerHeartbeat workerHeartbeat(JdbcPartitionClaims claims, WorkerIdentity worker, RemoteCollectProperties properties) {
        return new WorkerHeartbeat(claims, worker, properties.workerConcurrency(), properties.heartbeatInterval());
    }

    @Bean
    SimpleMessageListenerContainer collectPartitionConsumers(ConnectionFactory connectionFactory,
                                                             RemoteCollectProperties properties,
                                                             WorkerHeartbeat heartbeat) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(properties.queue());
        container.setConcurrentConsumers(properties.workerConcurrency());
        container.setPrefetchCount(1);
        // acknowledged once its partition ran; a request that could not be claimed goes back to the queue, while a
        // message that cannot even be read (no partition request) is rejected for good
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setDefaultRequeueRejected(true);
        container.setMissingQueuesFatal(false);
        // stopping (SIGTERM) cancels the consumers, so nothing new arrives, and waits for the running partitions:
        // the listener threads run them, and the database pool and the heartbeat outlive this wait
        container.setShutdownTimeout(properties.drainTimeout().toMillis());
        return container;
    }

    @Bean
    StepExecutionRequestHandler stepExecutionRequestHandler(JobRepository jobRepository, BeanFactory beanFactory) {
        BeanFactoryStepLocator steps = new BeanFactoryStepLocator();
        steps.setBeanFactory(beanFactory);
        StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
        handler.setJobRepository(jobRepository);
        handler.setStepLocator(steps);
        return handler;
    }

    @Bean
    PartitionClaimGuard partitionClaimGuard(JobRepository jobRepository, JdbcPartitionClaims claims, WorkerIdentity worker,
                                            StepExecutionRequestHandler handler, RemoteCollectProperties properties) {
        return new PartitionClaimGuard(jobRepository, claims, worker, handler, CollectJobConfiguration.ACCOUNT_STEP,
                properties.heartbeatInterval());
    }

    @Bean
    IntegrationFlow collectPartitionWork(SimpleMessageListenerContainer collectPartitionConsumers,
                                         PartitionClaimGuard guard) {
        return IntegrationFlow.from(Amqp.inboundAdapter(collectPartitionConsumers)
                        .messageConverter(PartitionRequestJson.converter()))
                .handle(Object.class, (request, headers) -> {
                    guard.run(request);
                    return null;
                })
                .get();
    }
}
