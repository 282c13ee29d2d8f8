package com.sladesk.maintenance;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SubscriberRepository extends JpaRepository<Subscriber, Long> {

    Optional<Subscriber> findByEmailIgnoreCase(String email);

    Optional<Subscriber> findByToken(String token);

    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true, clearAutomatically = true)
    @org.springframework.data.jpa.repository.Query(nativeQuery = true,
            value = "update subscriber_group set group_name = :after where group_name = :before")
    int renameGroup(@org.springframework.data.repository.query.Param("before") String before,
            @org.springframework.data.repository.query.Param("after") String after);
}

interface WebhookSubscriberRepository extends JpaRepository<WebhookSubscriber, Long> {

    Optional<WebhookSubscriber> findByToken(String token);

    List<WebhookSubscriber> findByDisabledAtIsNullAndDeletedAtIsNull();

    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true, clearAutomatically = true)
    @org.springframework.data.jpa.repository.Query(nativeQuery = true,
            value = "update webhook_subscriber_group set group_name = :after where group_name = :before")
    int renameGroup(@org.springframework.data.repository.query.Param("before") String before,
            @org.springframework.data.repository.query.Param("after") String after);
}
