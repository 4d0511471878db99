package com.aigency.shared; final class Placeholder {}
