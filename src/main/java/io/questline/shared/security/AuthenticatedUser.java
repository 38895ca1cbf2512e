package io.questline.shared.security;

import java.util.UUID;

/**
 * The caller of a request, as the database knows them at that moment.
 *
 * @param id the user id (the token's subject)
 * @param admin whether the user holds the role ADMIN in the database
 */
public record AuthenticatedUser(UUID id, boolean admin) {

}
