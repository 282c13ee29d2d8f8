package com.sladesk.organisation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface AccountLinkRepository extends JpaRepository<AccountLink, Long> {

    /** Locked, so two tabs using the same link cannot both set a password. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<AccountLink> findByTokenHash(String tokenHash);

    /** Unlocked: to show a link's state. */
    Optional<AccountLink> readByTokenHash(String tokenHash);

    List<AccountLink> findByUserIdAndUsedAtIsNullAndVoidedAtIsNull(long userId);

    long countByUserIdAndPurposeAndCreatedAtAfter(long userId, AccountLink.Purpose purpose, Instant after);
}
