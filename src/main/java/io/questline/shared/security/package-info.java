/**
 * Who is calling: bearer JWT checking, token minting, client addresses, CORS and the
 * security filter chain.
 */
package io.questline.shared.security;
