package com.sladesk.maintenance;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SubscriberRepository extends JpaRepository<Subscriber, Long> {

    Optional<Subscriber> findByEmailIgnoreCase(String email);

    Optional<Subscriber> findByToken(String token);

    List<Subscriber> findByConfirmedAtIsNotNullAndUnsubscribedAtIsNull();
}
